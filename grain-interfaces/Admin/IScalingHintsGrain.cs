namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>Scaling hints from this silo's load (a stateless worker, key 0, always local to the caller's silo).</summary>
public interface IScalingHintsGrain : IGrainWithIntegerKey
{
    /// <summary>Reads this silo's statistics and recommends a silo count for a cluster of <paramref name="currentSilos"/> silos loaded like this one.</summary>
    Task<ScalingHint> GetHint(int currentSilos);
}
