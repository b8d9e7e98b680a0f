namespace OrderEngine.Runtime.Diagnostics;

/// <summary>Load readings of the local silo (for scaling hints and the dashboard).</summary>
public interface ISiloStatistics
{
    SiloStatistics Read();
}
