namespace OrderEngine.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Waits at the gate, then answers with the activation that served it.</summary>
    Task<Guid> Hold(string gate);
}
