namespace OrderEngine.Runtime.Persistence;

/// <summary>A record as read from storage, with the ETag that the next write must present.</summary>
public sealed record StoredGrainState(GrainStateRecord Record, string ETag);
