using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Runtime.Invocation;

/// <summary>What a generated grain factory uses to fill the grain constructor's parameters.</summary>
public interface IGrainActivationContext
{
    T GetRequiredService<T>()
        where T : notnull;

    IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName)
        where TState : new();
}
