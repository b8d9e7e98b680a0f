namespace OrderEngine.GrainInterfaces.Admin;

/// <summary>
/// Which orders count as stuck: in Processing for at least <see cref="ProcessingOlderThan"/>, in Reserved
/// or Pending for at least <see cref="ReservedOlderThan"/> (null = the configured defaults, 30 and 15
/// minutes), at most <see cref="Limit"/> of them.
/// </summary>
public sealed record StuckOrdersQuery(TimeSpan? ProcessingOlderThan = null, TimeSpan? ReservedOlderThan = null, int Limit = 100);
