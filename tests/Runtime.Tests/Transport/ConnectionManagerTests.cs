using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using OrderEngine.Runtime.Transport;
using OrderEngine.Testing.Time;
using Xunit;

namespace OrderEngine.Runtime.Tests.Transport;

public sealed class ConnectionManagerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_handshake_tells_each_side_who_the_other_is_and_the_accepted_connection_carries_frames_back()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync();

        var toB = await a.ConnectAsync(b, deadline.Token);

        Assert.Equal(a.Identity, toB.LocalIdentity);
        Assert.Equal(b.Identity, toB.RemoteIdentity);
        Assert.True(toB.IsOutbound);
        Assert.True(b.Manager.TryGetConnection(a.Identity, out var atB));
        Assert.Equal(b.Identity, atB.LocalIdentity);
        Assert.Equal(a.Identity, atB.RemoteIdentity);
        Assert.False(atB.IsOutbound);
        Assert.Equal(toB.Id, atB.Id);
        Assert.Same(atB, await b.ConnectAsync(a, deadline.Token));

        Assert.True(atB.TrySend(new MemoryFramePayload(new byte[] { 42 })));
        var frame = await a.Frames.NextAsync(deadline.Token);
        Assert.Same(toB, frame.Connection);
        Assert.Equal([42], frame.Payload);
        Assert.Single(a.Manager.GetConnections());
        Assert.Single(b.Manager.GetConnections());
    }

    [Fact]
    public async Task Concurrent_callers_share_one_connection_attempt()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync();
        var lostAtB = SiloConnectionTests.LostEvents(b.Manager);

        var connections = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => a.ConnectAsync(b, deadline.Token)));

        Assert.All(connections, c => Assert.Same(connections[0], c));
        Assert.True(b.Manager.TryGetConnection(a.Identity, out var atB));
        Assert.Equal(connections[0].Id, atB.Id);
        Assert.False(lostAtB.Task.IsCompleted, "no second connection was made and replaced");
    }

    [Fact]
    public async Task Two_silos_dialling_each_other_at_once_end_with_one_shared_connection()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var round = 0; round < 50; round++)
        {
            var suffix = Guid.NewGuid().ToString("N");
            await using var a = await TransportTestSilo.StartAsync("a-" + suffix);
            await using var b = await TransportTestSilo.StartAsync("b-" + suffix);
            var lost = 0;
            a.Manager.ConnectionLost += (_, _) => Interlocked.Increment(ref lost);
            b.Manager.ConnectionLost += (_, _) => Interlocked.Increment(ref lost);

            var (fromA, fromB) = await DialAtOnceAsync(a, b, deadline.Token);

            await AssertOneSharedConnectionAsync(a, b, fromA, fromB, deadline.Token);
            Assert.Equal(0, Volatile.Read(ref lost));
        }
    }

    [Fact]
    public async Task Two_silos_that_lost_their_connection_and_redial_each_other_at_once_end_with_one_shared_connection()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var suffix = Guid.NewGuid().ToString("N");
        await using var a = await TransportTestSilo.StartAsync("a-" + suffix);
        await using var b = await TransportTestSilo.StartAsync("b-" + suffix);
        for (var round = 0; round < 50; round++)
        {
            var (fromA, fromB) = await DialAtOnceAsync(a, b, deadline.Token);
            await AssertOneSharedConnectionAsync(a, b, fromA, fromB, deadline.Token);

            var lostAtA = SiloConnectionTests.LostEvents(a.Manager);
            var lostAtB = SiloConnectionTests.LostEvents(b.Manager);
            (round % 2 == 0 ? a : b).Manager.AbortAll();
            Assert.Equal(fromA.Id, (await lostAtA.Task.WaitAsync(deadline.Token)).Connection.Id);
            Assert.Equal(fromA.Id, (await lostAtB.Task.WaitAsync(deadline.Token)).Connection.Id);
        }
    }

    [Fact]
    public async Task A_peer_that_dropped_the_connection_replaces_it_even_before_this_side_noticed()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        using var stalled = new StalledHandler();
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync(handler: stalled);
        var lostAtB = SiloConnectionTests.LostEvents(b.Manager);
        var first = await a.ConnectAsync(b, deadline.Token);
        Assert.True(first.TrySend(new MemoryFramePayload(new byte[] { 1 })));
        var stale = await stalled.FirstFrame.WaitAsync(deadline.Token);

        // B's read loop is stuck in its handler, so B cannot see A's close: it still holds the connection as in use.
        first.Abort();
        var second = await a.ConnectAsync(b, deadline.Token);

        Assert.NotEqual(first.Id, second.Id);
        var replaced = await lostAtB.Task.WaitAsync(deadline.Token);
        Assert.Same(stale, replaced.Connection);
        Assert.Equal(ConnectionCloseReason.Replaced, replaced.Closure.Reason);
        Assert.True(b.Manager.TryGetConnection(a.Identity, out var atB));
        Assert.Equal(second.Id, atB.Id);
        stalled.Release();
    }

    [Fact]
    public async Task A_hello_that_crossed_a_connection_already_in_use_is_answered_duplicate_and_changes_nothing()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync();
        var inUse = await a.ConnectAsync(b, deadline.Token);
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(b.EndPoint, deadline.Token);

        await raw.SendAsync(Frame(HandshakeMessage.Hello(42, replaces: 0, a.Identity, b.Identity)), deadline.Token);
        var answer = HandshakeMessage.Parse(new ReadOnlySequence<byte>(await ReceiveFrameAsync(raw, deadline.Token)));

        Assert.Equal(HandshakeKind.Duplicate, answer.Kind);
        Assert.Equal(42, answer.ConnectionId);
        Assert.Equal(0, await ReceiveUntilClosedAsync(raw, deadline.Token));
        Assert.True(b.Manager.TryGetConnection(a.Identity, out var atB));
        Assert.Equal(inUse.Id, atB.Id);
        Assert.False(inUse.IsClosed);
    }

    [Fact]
    public async Task A_stopped_peer_closes_the_connection_and_a_caller_reconnects_once_it_listens_again()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var clock = new ManualTimeProvider();
        await using var a = await TransportTestSilo.StartAsync(clock: clock);
        await using var b = await TransportTestSilo.StartAsync();
        var first = await a.ConnectAsync(b, deadline.Token);
        var lost = SiloConnectionTests.LostEvents(a.Manager);

        await b.StopListenerAsync();

        Assert.Equal(ConnectionCloseReason.RemoteClosed, (await first.Closed.WaitAsync(deadline.Token)).Reason);
        Assert.Same(first, (await lost.Task.WaitAsync(deadline.Token)).Connection);
        Assert.False(a.Manager.TryGetConnection(b.Identity, out _));
        var refused = await Assert.ThrowsAsync<SiloConnectionException>(() => a.ConnectAsync(b, deadline.Token));
        Assert.IsType<SocketException>(refused.InnerException);

        await b.StartListenerAsync();
        var backingOff = await Assert.ThrowsAsync<SiloConnectionException>(() => a.ConnectAsync(b, deadline.Token));
        Assert.Contains("next attempt", backingOff.Message, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        var second = await a.ConnectAsync(b, deadline.Token);

        Assert.NotSame(first, second);
        Assert.Equal(b.Identity, second.RemoteIdentity);
        Assert.True(second.TrySend(new MemoryFramePayload(new byte[] { 9 })));
        var frame = await b.Frames.NextAsync(deadline.Token);
        Assert.Equal(second.Id, frame.Connection.Id);
        Assert.Equal([9], frame.Payload);
    }

    [Fact]
    public async Task Failed_attempts_back_off_exponentially_and_callers_during_the_backoff_fail_at_once()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var clock = new ManualTimeProvider();
        var options = new TransportOptions { ReconnectBackoffInitial = TimeSpan.FromMilliseconds(50), ReconnectBackoffMax = TimeSpan.FromMilliseconds(300) };
        await using var a = await TransportTestSilo.StartAsync(clock: clock, options: options);
        await using var gone = await TransportTestSilo.StartAsync();
        await gone.StopListenerAsync();
        Task<SiloConnection> Connect() => a.ConnectAsync(gone, deadline.Token);

        var first = await Assert.ThrowsAsync<SiloConnectionException>(Connect);
        Assert.Equal(gone.Identity, first.RemoteIdentity);
        Assert.Contains(gone.Identity, first.Message, StringComparison.Ordinal);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(first.InnerException).SocketErrorCode);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMilliseconds(50), first.RetryAt);

        clock.Advance(TimeSpan.FromMilliseconds(49));
        var during = Connect();
        Assert.True(during.IsFaulted, "a caller during the backoff fails at once, without an attempt");
        var fast = Assert.IsType<SiloConnectionException>(during.Exception!.InnerException);
        Assert.Equal(first.RetryAt, fast.RetryAt);
        Assert.Contains($"Silo {gone.Identity} at {gone.EndPoint} is unreachable: 1 connection attempt(s) failed", fast.Message, StringComparison.Ordinal);

        // Each time the backoff has passed, the next caller makes an attempt; its failure doubles the wait, up to the maximum.
        foreach (var (advance, nextDelay) in new[] { (1, 100), (100, 200), (200, 300), (300, 300) })
        {
            clock.Advance(TimeSpan.FromMilliseconds(advance));
            var retried = await Assert.ThrowsAsync<SiloConnectionException>(Connect);
            Assert.IsType<SocketException>(retried.InnerException);
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMilliseconds(nextDelay), retried.RetryAt);
        }
    }

    [Fact]
    public async Task An_isolated_silo_keeps_no_connection_not_even_one_whose_dial_was_under_way()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync();
        await a.ConnectAsync(b, deadline.Token);
        a.Manager.Abort(b.Identity);
        var redial = a.ConnectAsync(b, deadline.Token); // a probe or call still in flight when the silo is cut off

        a.Manager.Isolate();
        var inbound = b.ConnectAsync(a, deadline.Token); // a's listener still accepts: the connection must not be used

        await Task.WhenAll(IgnoreFailure(redial), IgnoreFailure(inbound));
        await Eventually.WaitAsync(
            () => a.Manager.GetConnections().Count == 0 && b.Manager.GetConnections().Count == 0,
            "neither side holds an open connection");
        var refused = await Assert.ThrowsAsync<SiloConnectionException>(() => a.ConnectAsync(b, deadline.Token));
        Assert.Contains("cut off", refused.Message, StringComparison.Ordinal);
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception exception) when (exception is SiloConnectionException or IOException or ObjectDisposedException)
        {
        }
    }

    [Fact]
    public async Task A_silo_at_the_address_with_another_identity_refuses_the_connection()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<SiloConnectionException>(
            () => a.Manager.GetConnectionAsync("someone-else", b.EndPoint, deadline.Token).AsTask());

        Assert.Contains($"refused the connection: this is silo {b.Identity}, not someone-else", error.Message, StringComparison.Ordinal);
        Assert.Empty(b.Manager.GetConnections());
        Assert.Empty(a.Manager.GetConnections());
    }

    [Fact]
    public async Task A_peer_announcing_a_frame_above_the_maximum_is_disconnected_with_a_protocol_error()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var b = await TransportTestSilo.StartAsync(options: new TransportOptions { MaxFrameSize = 1024 });
        var lost = SiloConnectionTests.LostEvents(b.Manager);
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await raw.ConnectAsync(b.EndPoint, deadline.Token);

        await raw.SendAsync(Frame(HandshakeMessage.Hello(42, 0, "raw-peer", b.Identity)), deadline.Token);
        var answer = HandshakeMessage.Parse(new ReadOnlySequence<byte>(await ReceiveFrameAsync(raw, deadline.Token)));
        Assert.Equal(HandshakeKind.Accepted, answer.Kind);
        Assert.Equal(b.Identity, answer.Sender);
        await raw.SendAsync(FrameParsingTests.Frame(new byte[1024]), deadline.Token);
        var oversized = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(oversized, 1025);
        await raw.SendAsync(oversized, deadline.Token);

        var closed = await lost.Task.WaitAsync(deadline.Token);
        Assert.Equal("raw-peer", closed.RemoteIdentity);
        Assert.Equal(ConnectionCloseReason.ProtocolError, closed.Closure.Reason);
        Assert.Equal(1025, Assert.IsType<FrameTooLargeException>(closed.Closure.Error).Length);
        Assert.Equal(1024, (await b.Frames.NextAsync(deadline.Token)).Payload.Length);
        Assert.Equal(0, await ReceiveUntilClosedAsync(raw, deadline.Token));
    }

    private static async Task<(SiloConnection FromA, SiloConnection FromB)> DialAtOnceAsync(TransportTestSilo a, TransportTestSilo b, CancellationToken cancellationToken)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fromA = Task.Run(async () => { await go.Task; return await a.ConnectAsync(b, cancellationToken); }, cancellationToken);
        var fromB = Task.Run(async () => { await go.Task; return await b.ConnectAsync(a, cancellationToken); }, cancellationToken);
        go.SetResult();
        return (await fromA, await fromB);
    }

    private static async Task AssertOneSharedConnectionAsync(TransportTestSilo a, TransportTestSilo b, SiloConnection fromA, SiloConnection fromB, CancellationToken cancellationToken)
    {
        Assert.Equal(fromA.Id, fromB.Id);
        Assert.NotEqual(fromA.IsOutbound, fromB.IsOutbound);
        Assert.Same(fromA, Assert.Single(a.Manager.GetConnections()));
        Assert.Same(fromB, Assert.Single(b.Manager.GetConnections()));
        Assert.True(fromA.TrySend(new MemoryFramePayload(new byte[] { 1 })));
        Assert.True(fromB.TrySend(new MemoryFramePayload(new byte[] { 2 })));
        Assert.Same(fromB, (await b.Frames.NextAsync(cancellationToken)).Connection);
        Assert.Same(fromA, (await a.Frames.NextAsync(cancellationToken)).Connection);
    }

    private static byte[] Frame(HandshakeMessage payload)
    {
        var body = new ArrayBufferWriter<byte>();
        payload.Write(body);
        return FrameParsingTests.Frame(body.WrittenSpan.ToArray());
    }

    private static async Task<byte[]> ReceiveFrameAsync(Socket socket, CancellationToken cancellationToken)
    {
        var header = await ReceiveExactlyAsync(socket, 4, cancellationToken);
        return await ReceiveExactlyAsync(socket, BinaryPrimitives.ReadInt32LittleEndian(header), cancellationToken);
    }

    private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var received = 0;
        while (received < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(received), cancellationToken);
            Assert.NotEqual(0, read);
            received += read;
        }

        return buffer;
    }

    private static async Task<int> ReceiveUntilClosedAsync(Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            return await socket.ReceiveAsync(new byte[16], cancellationToken);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }
}
