using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

/// <summary>Records its activations and deactivations; fails activation while the probe says so.</summary>
public sealed class LifecycleGrain(GrainProbe probe) : Grain, ILifecycleGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var key = GetPrimaryKeyString();
        if (probe.HoldActivations.TryGetValue(key, out var gate))
        {
            probe.Record($"activating:{key}");
            await probe.Gate(gate).Task;
        }

        if (probe.FailActivations.TryGetValue(key, out var remaining) && remaining > 0)
        {
            probe.FailActivations[key] = remaining - 1;
            throw new InvalidOperationException($"activation of {key} refused");
        }

        probe.Record($"activated:{key}:{GrainContext.ActivationId}");
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (probe.Gate($"hang-deactivation:{GetPrimaryKeyString()}").Task.IsCompleted)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        probe.Record($"deactivated:{GetPrimaryKeyString()}:{reason}");
    }

    public Task<Guid> ActivationId() => Task.FromResult(GrainContext.ActivationId);

    public Task DeactivateSelf()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
