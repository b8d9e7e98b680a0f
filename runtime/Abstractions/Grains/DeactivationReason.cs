namespace OrderEngine.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>The grain asked for it with DeactivateOnIdle.</summary>
    ApplicationRequested,

    /// <summary>Idle for longer than the collection age.</summary>
    IdleCollected,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>A state write found newer state in storage (ETag mismatch) or failed.</summary>
    InconsistentState,

    /// <summary>The cluster view changed and another silo owns the grain now.</summary>
    OwnershipMoved,

    /// <summary>The activation's grain moved to another silo.</summary>
    OwnershipChanged,
}
