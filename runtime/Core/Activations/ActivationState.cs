namespace OrderEngine.Runtime.Activations;

/// <summary>The life of an activation. Transitions only go forward: Creating, Activating, Valid, Deactivating, Invalid.</summary>
internal enum ActivationState
{
    /// <summary>In the directory; activation not started. Messages wait.</summary>
    Creating,

    /// <summary>Constructing the grain, reading its state, running OnActivateAsync. Messages wait.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync. Messages wait and are forwarded to the next activation.</summary>
    Deactivating,

    /// <summary>Gone from the directory. Messages sent to it are forwarded.</summary>
    Invalid,
}
