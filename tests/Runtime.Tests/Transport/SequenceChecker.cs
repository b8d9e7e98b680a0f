using System.Buffers;
using System.Buffers.Binary;
using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Tests.Transport;

/// <summary>Checks <see cref="SequencedPayload"/> frames: each sender's arrive in its order, intact; completes when all have arrived.</summary>
internal sealed class SequenceChecker(int senders, int perSender) : IFrameHandler
{
    private readonly int[] _next = new int[senders];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _received;

    public Task Done => _done.Task;

    public void OnFrame(SiloConnection connection, ReadOnlySequence<byte> payload)
    {
        var bytes = payload.ToArray();
        var sender = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var sequence = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (sequence != _next[sender])
        {
            _done.TrySetException(new InvalidOperationException($"Sender {sender}: frame {sequence} arrived when {_next[sender]} was due."));
            return;
        }

        if (bytes.Length != 8 + SequencedPayload.FillerLength(sequence))
        {
            _done.TrySetException(new InvalidOperationException($"Sender {sender}, frame {sequence}: {bytes.Length} bytes."));
            return;
        }

        for (var i = 8; i < bytes.Length; i++)
        {
            if (bytes[i] != SequencedPayload.Filler(sender, sequence, i - 8))
            {
                _done.TrySetException(new InvalidOperationException($"Sender {sender}, frame {sequence}: byte {i} is corrupt."));
                return;
            }
        }

        _next[sender]++;
        if (++_received == senders * perSender)
        {
            _done.TrySetResult();
        }
    }
}
