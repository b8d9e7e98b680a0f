namespace OrderEngine.Runtime.Membership;

/// <summary>
/// The cluster membership table: one row per silo start plus one version per cluster. Every change that
/// decides who is in the cluster (join, status change, suspicion vote) is a compare-and-swap on the table
/// version, so two silos acting on the same snapshot cannot both win. I-am-alive heartbeats bypass the
/// version: they are frequent and decide nothing by themselves. Conflicts are answered with false, never
/// an exception; exceptions mean the store itself failed.
/// </summary>
public interface IMembershipTable
{
    /// <summary>
    /// Creates the schema if needed and this cluster's version (0) if missing. Idempotent and safe to call
    /// from several silos at once; the other members need it to have run once.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Every row of this cluster and the table version, read consistently (one snapshot).</summary>
    /// <exception cref="InvalidOperationException">The cluster has no version: <see cref="InitializeAsync"/> has not run (or the cluster was deleted).</exception>
    Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="entry"/> and sets the version to <paramref name="expectedVersion"/> + 1, atomically,
    /// if the version is exactly <paramref name="expectedVersion"/> and no row for the silo exists; otherwise
    /// changes nothing and returns false.
    /// </summary>
    Task<bool> TryInsertAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces every column of the silo's row with <paramref name="entry"/>, gives the row a new ETag and sets the
    /// version to <paramref name="expectedVersion"/> + 1, atomically, if the row's ETag is <paramref name="expectedETag"/>
    /// and the version is <paramref name="expectedVersion"/>; otherwise (a mismatch or no row) changes nothing and returns false.
    /// </summary>
    Task<bool> TryUpdateAsync(MembershipEntry entry, long expectedETag, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Writes only the silo's I-am-alive time: no version change, no new ETag. A missing row is left missing.</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes the rows that are <see cref="SiloStatus.Dead"/> with an I-am-alive time before <paramref name="olderThan"/>; returns how many.</summary>
    /// <remarks>
    /// The version is not changed (Orleans does the same), and that is safe: dead is final, so a dead row is never
    /// read back as a live silo and no decision based on a snapshot holding it (placement, probing, voting) depends
    /// on it being there. A write in flight against the deleted row itself finds no row and returns false; it cannot
    /// come back either, because a restarted silo has a new generation and so a new address.
    /// </remarks>
    Task<int> CleanupDefunctAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>Removes this cluster's rows and version (tests and tools); <see cref="InitializeAsync"/> starts it again at version 0.</summary>
    Task DeleteClusterAsync(CancellationToken cancellationToken);
}
