namespace OrderEngine.Runtime.Tests.Grains;

/// <summary>Holds a request open at a gate while another request releases it: only possible with interleaving.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Waits until released; answers with the most holds that were waiting at once.</summary>
    Task<int> Hold(string gate);

    Task Release(string gate);

    [AlwaysInterleave]
    Task ReleaseInterleaved(string gate);

    Task<int> MaxParallelSegments();
}
