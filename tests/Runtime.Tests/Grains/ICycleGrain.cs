namespace OrderEngine.Runtime.Tests.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls the first key of <paramref name="path"/> with the rest; the last one answers.</summary>
    Task<string> CallThrough(string[] path);
}
