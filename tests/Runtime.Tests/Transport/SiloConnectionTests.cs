using System.Buffers;
using OrderEngine.Runtime.Transport;
using Xunit;

namespace OrderEngine.Runtime.Tests.Transport;

public sealed class SiloConnectionTests
{
    internal static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    [InlineData(1024 * 1024)]
    public async Task A_frame_arrives_intact_in_both_directions(int size)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync();
        var request = new byte[size];
        new Random(size).NextBytes(request);
        var response = request.Reverse().ToArray();

        var toB = await a.ConnectAsync(b, deadline.Token);
        Assert.True(toB.TrySend(new MemoryFramePayload(request)));
        var atB = await b.Frames.NextAsync(deadline.Token);
        Assert.Equal(request, atB.Payload);
        Assert.True(atB.Connection.TrySend(new MemoryFramePayload(response)));
        var atA = await a.Frames.NextAsync(deadline.Token);

        Assert.Equal(response, atA.Payload);
        Assert.Same(toB, atA.Connection);
        Assert.Equal(toB.Id, atB.Connection.Id);
    }

    [Fact]
    public async Task Frames_sent_concurrently_by_eight_senders_all_arrive_intact_each_sender_in_its_order()
    {
        const int Senders = 8;
        const int PerSender = 25_000;
        using var deadline = new CancellationTokenSource(Deadline);
        var checker = new SequenceChecker(Senders, PerSender);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync(handler: checker);
        var connection = await a.ConnectAsync(b, deadline.Token);

        var refused = await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(
            () => Enumerable.Range(0, PerSender).Count(sequence => !connection.TrySend(new SequencedPayload(sender, sequence))),
            deadline.Token)));

        Assert.All(refused, count => Assert.Equal(0, count));
        await checker.Done.WaitAsync(deadline.Token);
    }

    [Fact]
    public async Task Abort_drops_queued_frames_and_the_peer_sees_the_connection_close()
    {
        const int Frames = 2000;
        using var deadline = new CancellationTokenSource(Deadline);
        using var stalled = new StalledHandler();
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync(handler: stalled);
        var lostAtA = LostEvents(a.Manager);
        var lostAtB = LostEvents(b.Manager);
        var connection = await a.ConnectAsync(b, deadline.Token);

        // 125 MiB to a peer that stopped reading: far more than socket buffers hold.
        var payload = new MemoryFramePayload(new byte[64 * 1024]);
        for (var i = 0; i < Frames; i++)
        {
            Assert.True(connection.TrySend(payload));
        }

        var atB = await stalled.FirstFrame.WaitAsync(deadline.Token);
        connection.Abort();
        var closure = await connection.Closed.WaitAsync(deadline.Token);
        stalled.Release();

        Assert.Equal(ConnectionCloseReason.LocalAbort, closure.Reason);
        Assert.False(connection.TrySend(payload));
        var remoteClosure = await atB.Closed.WaitAsync(deadline.Token);
        Assert.Contains(remoteClosure.Reason, new[] { ConnectionCloseReason.RemoteClosed, ConnectionCloseReason.IoError });
        Assert.InRange(stalled.Count, 1, Frames - 1);
        Assert.Equal(ConnectionCloseReason.LocalAbort, (await lostAtA.Task.WaitAsync(deadline.Token)).Closure.Reason);
        Assert.Same(atB, (await lostAtB.Task.WaitAsync(deadline.Token)).Connection);
    }

    [Fact]
    public async Task A_graceful_close_writes_every_queued_frame_before_closing()
    {
        const int Frames = 10_000;
        using var deadline = new CancellationTokenSource(Deadline);
        var checker = new SequenceChecker(1, Frames);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync(handler: checker);
        var connection = await a.ConnectAsync(b, deadline.Token);
        Assert.True(b.Manager.TryGetConnection(a.Identity, out var atB));

        for (var i = 0; i < Frames; i++)
        {
            Assert.True(connection.TrySend(new SequencedPayload(0, i)));
        }

        await connection.DisposeAsync().AsTask().WaitAsync(deadline.Token);

        await checker.Done.WaitAsync(deadline.Token);
        Assert.Equal(ConnectionCloseReason.LocalClose, (await connection.Closed).Reason);
        Assert.Equal(ConnectionCloseReason.RemoteClosed, (await atB.Closed.WaitAsync(deadline.Token)).Reason);
    }

    [Fact]
    public async Task Sending_on_a_closed_connection_is_refused_with_an_error_naming_the_peer()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var a = await TransportTestSilo.StartAsync();
        await using var b = await TransportTestSilo.StartAsync();
        var connection = await a.ConnectAsync(b, deadline.Token);
        var payload = new MemoryFramePayload(new byte[] { 1 });

        connection.Abort();

        Assert.True(connection.IsClosed);
        Assert.False(connection.TrySend(payload));
        var error = Assert.Throws<SiloConnectionException>(() => connection.Send(payload));
        Assert.Equal(b.Identity, error.RemoteIdentity);
        Assert.Contains($"connection to silo {b.Identity} is closed (LocalAbort)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_larger_than_the_maximum_frame_closes_the_connection_on_the_sending_side()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var options = new TransportOptions { MaxFrameSize = 1024 };
        await using var a = await TransportTestSilo.StartAsync(options: options);
        await using var b = await TransportTestSilo.StartAsync(options: options);
        var connection = await a.ConnectAsync(b, deadline.Token);

        Assert.True(connection.TrySend(new MemoryFramePayload(new byte[1025])));

        var closure = await connection.Closed.WaitAsync(deadline.Token);
        Assert.Equal(ConnectionCloseReason.IoError, closure.Reason);
        Assert.IsType<FrameTooLargeException>(closure.Error!.InnerException);
        Assert.Equal(0, b.Frames.Count);
    }

    internal static TaskCompletionSource<ConnectionLostEventArgs> LostEvents(ConnectionManager manager)
    {
        var lost = new TaskCompletionSource<ConnectionLostEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.ConnectionLost += (_, e) => lost.TrySetResult(e);
        return lost;
    }
}
