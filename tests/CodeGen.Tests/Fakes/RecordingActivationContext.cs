using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

/// <summary>Hands out registered services and fake states, recording each request in order.</summary>
public sealed class RecordingActivationContext : IGrainActivationContext
{
    private readonly Dictionary<Type, object> _services = [];

    public List<string> Requests { get; } = [];

    public List<object> States { get; } = [];

    public RecordingActivationContext AddService<T>(T service)
        where T : notnull
    {
        _services.Add(typeof(T), service);
        return this;
    }

    public T GetRequiredService<T>()
        where T : notnull
    {
        Requests.Add($"service {typeof(T).Name}");
        return (T)_services[typeof(T)];
    }

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName)
        where TState : new()
    {
        Requests.Add($"state {typeof(TState).Name} '{stateName}' in '{storageName}'");
        var state = new FakePersistentState<TState>();
        States.Add(state);
        return state;
    }
}
