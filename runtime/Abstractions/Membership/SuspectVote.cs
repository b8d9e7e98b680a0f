namespace OrderEngine.Runtime.Membership;

/// <summary>A vote by <paramref name="Suspector"/>, cast <paramref name="At"/>, that the silo of the row it sits in is dead.</summary>
public sealed record SuspectVote(SiloAddress Suspector, DateTimeOffset At);
