using OrderEngine.Runtime.Tests.Support;
using OrderEngine.Runtime.Timers;

namespace OrderEngine.Runtime.Tests.Grains;

public sealed class TimerGrain(GrainProbe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private bool _inRequest;
    private int _ticks;
    private int _overlaps;

    public Task StartTimer(TimeSpan dueTime, TimeSpan period)
    {
        _timer = RegisterTimer(OnTick, dueTime, period);
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task HoldOpen(string gate)
    {
        _inRequest = true;
        probe.Record($"holding:{gate}");
        await probe.Gate(gate).Task;
        _inRequest = false;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public Task<int> Overlaps() => Task.FromResult(_overlaps);

    private async Task OnTick(CancellationToken cancellationToken)
    {
        if (_inRequest)
        {
            _overlaps++;
        }

        await Task.Yield();
        _ticks++;
        probe.Record($"tick:{GetPrimaryKeyString()}:{_ticks}");
    }
}
