namespace OrderEngine.Runtime.Membership;

/// <summary>
/// A stored <see cref="MembershipEntry"/> with its <paramref name="ETag"/>. The ETag changes on every
/// <see cref="IMembershipTable.TryUpdateAsync"/> (never on an I-am-alive write) and is never issued twice,
/// not even to a row deleted and inserted again.
/// </summary>
public sealed record MembershipRow(MembershipEntry Entry, long ETag);
