using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEngine.Runtime.Transport;
using Xunit;

namespace OrderEngine.Runtime.Tests.Transport;

public sealed class FrameParsingTests
{
    private static readonly byte[][] Payloads = [[], [7], [.. Enumerable.Range(0, 300).Select(i => (byte)i)], [1, 2, 3]];

    [Fact]
    public async Task Frames_arriving_one_byte_per_read_are_parsed_whole_and_in_order()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var pipe = new Pipe();
        var parsed = new List<byte[]>();
        var reads = 0;

        foreach (var b in Payloads.SelectMany(Frame))
        {
            await pipe.Writer.WriteAsync(new[] { b }, deadline.Token);
            var result = await pipe.Reader.ReadAsync(deadline.Token);
            reads++;
            var buffer = result.Buffer;
            while (FrameFormat.TryReadFrame(ref buffer, 1024, out var payload) == FrameReadStatus.Frame)
            {
                parsed.Add(payload.ToArray());
            }

            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
        }

        Assert.Equal(Payloads.Sum(p => p.Length + 4), reads);
        Assert.Equal(Payloads, parsed);
    }

    [Fact]
    public void A_frame_whose_prefix_and_payload_span_many_buffer_segments_is_parsed()
    {
        var bytes = Payloads.SelectMany(Frame).ToArray();
        var buffer = OneByteSegments.Of(bytes);
        var parsed = new List<byte[]>();

        while (FrameFormat.TryReadFrame(ref buffer, 1024, out var payload) == FrameReadStatus.Frame)
        {
            parsed.Add(payload.ToArray());
        }

        Assert.Equal(Payloads, parsed);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public async Task A_connection_fed_one_byte_at_a_time_hands_each_frame_to_the_handler_once_whole()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var transport = new InMemoryTransport();
        var recorder = new FrameRecorder();
        await using var connection = NewConnection(transport);
        connection.Start(recorder);

        foreach (var b in Payloads.SelectMany(Frame))
        {
            await transport.Incoming.WriteAsync(new[] { b }, deadline.Token);
        }

        foreach (var expected in Payloads)
        {
            var frame = await recorder.NextAsync(deadline.Token);
            Assert.Equal(expected, frame.Payload);
            Assert.Same(connection, frame.Connection);
        }

        Assert.Equal(Payloads.Length, recorder.Count);
    }

    [Theory]
    [InlineData(1025)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task A_length_above_the_maximum_closes_the_connection_with_a_protocol_error_without_waiting_for_the_payload(int length)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var transport = new InMemoryTransport();
        var recorder = new FrameRecorder();
        await using var connection = NewConnection(transport, new TransportOptions { MaxFrameSize = 1024 });
        connection.Start(recorder);

        await transport.Incoming.WriteAsync(Frame(new byte[1024]), deadline.Token);
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, length);
        await transport.Incoming.WriteAsync(header, deadline.Token);

        var closure = await connection.Closed.WaitAsync(deadline.Token);
        Assert.Equal(ConnectionCloseReason.ProtocolError, closure.Reason);
        var error = Assert.IsType<FrameTooLargeException>(closure.Error);
        Assert.Equal(length, error.Length);
        Assert.True(transport.Aborted);
        Assert.Equal(1024, (await recorder.NextAsync(deadline.Token)).Payload.Length);
        Assert.Equal(1, recorder.Count);
        Assert.False(connection.TrySend(new MemoryFramePayload(new byte[1])));
    }

    internal static byte[] Frame(byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    private static SiloConnection NewConnection(InMemoryTransport transport, TransportOptions? options = null)
    {
        var connection = new SiloConnection(transport, "local", isOutbound: true, options ?? new TransportOptions(), TimeProvider.System, NullLogger.Instance, metrics: null);
        connection.SetPeer(1, "remote");
        return connection;
    }

    /// <summary>A sequence with every byte in a segment of its own: the worst split a reader can see.</summary>
    private sealed class OneByteSegments : ReadOnlySequenceSegment<byte>
    {
        private OneByteSegments(byte value, long runningIndex)
        {
            Memory = new[] { value };
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(byte[] bytes)
        {
            var first = new OneByteSegments(bytes[0], 0);
            var last = first;
            for (var i = 1; i < bytes.Length; i++)
            {
                var next = new OneByteSegments(bytes[i], i);
                last.Next = next;
                last = next;
            }

            return new ReadOnlySequence<byte>(first, 0, last, 1);
        }
    }
}
