using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

public sealed class NotifyGrain(GrainProbe probe) : Grain, INotifyGrain
{
    private int _notified;

    public async Task Notify(string gate)
    {
        await probe.Gate(gate).Task;
        _notified++;
        probe.Record($"notified:{GetPrimaryKeyString()}");
    }

    public Task Explode(string message) => throw new InvalidOperationException(message);

    public Task<int> Notified() => Task.FromResult(_notified);
}
