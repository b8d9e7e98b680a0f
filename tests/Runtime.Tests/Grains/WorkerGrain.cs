using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

[StatelessWorker]
public sealed class WorkerGrain(GrainProbe probe) : Grain, IWorkerGrain
{
    public async Task<Guid> Hold(string gate)
    {
        probe.Record($"worker-entered:{GrainContext.ActivationId}");
        await probe.Gate(gate).Task;
        return GrainContext.ActivationId;
    }
}
