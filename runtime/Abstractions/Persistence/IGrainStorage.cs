namespace OrderEngine.Runtime.Persistence;

/// <summary>
/// A grain state storage provider. ETags are opaque strings. Every write is conditional:
/// <c>expectedETag == null</c> means "no record may exist", otherwise the stored ETag must equal it;
/// a mismatch throws <see cref="InconsistentStateException"/> and changes nothing. Implementations
/// are registered as keyed singletons under the storage name used in [PersistentState].
/// </summary>
public interface IGrainStorage
{
    /// <summary>The record, or null when none is stored.</summary>
    Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="record"/> if the stored ETag is <paramref name="expectedETag"/>; returns the new ETag.</summary>
    Task<string> WriteAsync(GrainStateKey key, GrainStateRecord record, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Deletes the record if the stored ETag is <paramref name="expectedETag"/>; a missing record with a null ETag is a no-op.</summary>
    Task ClearAsync(GrainStateKey key, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>States whose stored outbox is not empty: grains that must publish after a crash.</summary>
    Task<IReadOnlyList<GrainStateKey>> ListPendingOutboxAsync(int limit, CancellationToken cancellationToken);
}
