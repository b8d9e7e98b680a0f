namespace OrderEngine.Runtime.Persistence;

/// <summary>What a storage provider stores for one state of one grain: the state as JSON and the pending outbox as JSON (null when empty).</summary>
public sealed record GrainStateRecord(string Payload, string? Outbox);
