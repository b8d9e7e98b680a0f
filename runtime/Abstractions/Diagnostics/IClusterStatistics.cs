namespace OrderEngine.Runtime.Diagnostics;

/// <summary>Every live silo's report, gathered from the silos themselves (one silo when not clustered).</summary>
public interface IClusterStatistics
{
    Task<IReadOnlyList<SiloReport>> ReadAsync(CancellationToken cancellationToken);
}
