namespace OrderEngine.Runtime.Tests.Grains;

public interface ISlowGrain : IGrainWithStringKey
{
    /// <summary>Answers only when the probe's gate of that name opens.</summary>
    Task<int> WaitFor(string gate);

    Task<string> Ping();
}
