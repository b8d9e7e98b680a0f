using System.Collections.Concurrent;

namespace OrderEngine.Runtime.Tests.Support;

/// <summary>Shared with the test grains through DI: gates the test opens, and what the grains saw.</summary>
public sealed class GrainProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentDictionary<string, int> FailActivations { get; } = new();

    /// <summary>Grain key -> gate: OnActivateAsync of that grain waits until the gate opens.</summary>
    public ConcurrentDictionary<string, string> HoldActivations { get; } = new();

    public TaskCompletionSource Gate(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Open(string name) => Gate(name).TrySetResult();

    public void Record(string what) => Events.Enqueue(what);

    public int Count(string prefix) => Events.Count(e => e.StartsWith(prefix, StringComparison.Ordinal));
}
