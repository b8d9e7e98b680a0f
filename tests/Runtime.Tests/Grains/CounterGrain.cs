using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Streams;
using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

[Reentrant]
public sealed class CounterGrain([PersistentState("counter", RuntimeSilo.Storage)] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public const string EventNamespace = "counter-events";

    public async Task<int> Increment()
    {
        var value = state.State.Value + 1;
        state.State = state.State with { Value = value };
        await state.WriteStateAsync();
        return value;
    }

    public async Task<int> IncrementAndPublish()
    {
        var value = state.State.Value + 1;
        state.State = state.State with { Value = value };
        state.RecordEvent(new StreamId(EventNamespace, GetPrimaryKeyString()), new CounterEvent(GetPrimaryKeyString(), value));
        await state.WriteStateAsync();
        return value;
    }

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task SetNote(string note)
    {
        state.State = state.State with { Note = note };
        return state.WriteStateAsync();
    }

    public Task<string?> GetNote() => Task.FromResult(state.State.Note);

    public Task Clear() => state.ClearStateAsync();

    public Task<bool> RecordExists() => Task.FromResult(state.RecordExists);

    public Task<Guid> ActivationId() => Task.FromResult(GrainContext.ActivationId);
}
