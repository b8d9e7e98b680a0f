namespace OrderEngine.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and writes; answers with the value this call produced, once it is durable.</summary>
    Task<int> Increment();

    /// <summary>Adds one, records a <see cref="CounterEvent"/> in the outbox, and writes.</summary>
    Task<int> IncrementAndPublish();

    /// <summary>The value in memory now.</summary>
    Task<int> Get();

    Task SetNote(string note);

    Task<string?> GetNote();

    Task Clear();

    Task<bool> RecordExists();

    Task<Guid> ActivationId();
}
