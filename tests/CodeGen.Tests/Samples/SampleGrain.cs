using OrderEngine.Runtime.Persistence;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>A grain with persistent state and a service in its constructor.</summary>
public sealed class SampleGrain(
    [PersistentState(SampleGrain.StateName, SampleGrain.StorageName)] IPersistentState<SampleState> state,
    ISampleClock clock) : Grain, IDerivedSampleGrain
{
    public const string StateName = "sample";

    public const string StorageName = "sample-store";

    public IPersistentState<SampleState> PersistentState { get; } = state;

    public ISampleClock Clock { get; } = clock;

    public Task Reset()
    {
        PersistentState.State = new SampleState();
        return PersistentState.WriteStateAsync();
    }

    public async Task<int> Add(int left, int right)
    {
        PersistentState.State = PersistentState.State with { Total = PersistentState.State.Total + left + right };
        await PersistentState.WriteStateAsync();
        return PersistentState.State.Total;
    }

    public ValueTask Touch() => ValueTask.CompletedTask;

    public ValueTask<string?> Describe(string name, string? note, Money amount, int? quantity, IReadOnlyList<string> tags) =>
        ValueTask.FromResult<string?>($"{name} at {Clock.Now:O}");

    public Task Notify(string message) => Task.CompletedTask;

    public Task<int> Peek() => Task.FromResult(PersistentState.State.Total);

    public Task<long> CountCalls() => Task.FromResult(PersistentState.State.Calls);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
