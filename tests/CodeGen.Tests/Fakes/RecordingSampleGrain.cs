using OrderEngine.Runtime.CodeGen.Tests.Samples;
using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

/// <summary>
/// A plain object implementing the grain interface: a request's InvokeAsync only casts to the interface,
/// so it can be invoked without the runtime. Records each call; <see cref="PendingAdd"/> lets a test
/// hold <see cref="Add"/> open.
/// </summary>
public sealed class RecordingSampleGrain : IDerivedSampleGrain
{
    public List<string> Calls { get; } = [];

    public TaskCompletionSource<int>? PendingAdd { get; set; }

    public Task Reset()
    {
        Calls.Add("Reset()");
        return Task.CompletedTask;
    }

    public Task<int> Add(int left, int right)
    {
        Calls.Add($"Add({left}, {right})");
        return PendingAdd?.Task ?? Task.FromResult(left + right);
    }

    public ValueTask Touch()
    {
        Calls.Add("Touch()");
        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> Describe(string name, string? note, Money amount, int? quantity, IReadOnlyList<string> tags)
    {
        Calls.Add($"Describe({name}, {note ?? "null"}, {amount}, {quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, [{string.Join(",", tags)}])");
        return ValueTask.FromResult<string?>(note is null ? null : $"{name}: {note}");
    }

    public Task Notify(string message)
    {
        Calls.Add($"Notify({message})");
        return Task.CompletedTask;
    }

    public Task<int> Peek()
    {
        Calls.Add("Peek()");
        return Task.FromResult(42);
    }

    public Task<long> CountCalls() => Task.FromResult((long)Calls.Count);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Calls.Add($"ReceiveReminder({reminderName}, {status.Period})");
        return Task.CompletedTask;
    }
}
