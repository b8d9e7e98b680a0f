namespace OrderEngine.Runtime.Persistence;

/// <summary>Names one stored state: the grain and the state name from [PersistentState].</summary>
public readonly record struct GrainStateKey(string StateName, GrainId GrainId);
