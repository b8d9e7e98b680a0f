using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

/// <summary>
/// Counts code segments running at the same instant on any thread (never more than one may) and
/// requests in progress at once (more than one means they interleaved).
/// </summary>
public abstract class GateGrainBase(GrainProbe probe) : Grain, IGateGrain
{
    private readonly Dictionary<string, TaskCompletionSource> _gates = [];
    private int _parallel;
    private int _maxParallel;
    private int _inProgress;
    private int _holding;

    public async Task<int> Hold(string gate)
    {
        Segment();
        _inProgress++;
        _holding++;
        var peak = _holding;
        var source = new TaskCompletionSource();
        _gates[gate] = source;
        probe.Record($"holding:{gate}");
        await source.Task;
        Segment();
        peak = Math.Max(peak, _holding);
        _holding--;
        _inProgress--;
        return peak;
    }

    public Task Release(string gate) => ReleaseCore(gate);

    public Task ReleaseInterleaved(string gate) => ReleaseCore(gate);

    public Task<int> MaxParallelSegments() => Task.FromResult(_maxParallel);

    private async Task ReleaseCore(string gate)
    {
        Segment();
        _inProgress++;
        await Task.Yield();
        Segment();
        _gates[gate].SetResult();
        _inProgress--;
    }

    /// <summary>Marks a synchronous stretch of grain code, long enough that a parallel one would overlap it.</summary>
    private void Segment()
    {
        var now = Interlocked.Increment(ref _parallel);
        InterlockedMax(ref _maxParallel, now);
        Thread.SpinWait(2000);
        Interlocked.Decrement(ref _parallel);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
