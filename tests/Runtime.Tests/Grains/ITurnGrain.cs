namespace OrderEngine.Runtime.Tests.Grains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Enters, yields once, leaves: overlapping entries would be visible.</summary>
    Task Work();

    Task<int> MaxConcurrentEntries();

    Task<int> Completed();
}
