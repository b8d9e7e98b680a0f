namespace OrderEngine.Runtime;

/// <summary>
/// A state write or clear carried an ETag that no longer matches storage: someone else (another
/// activation, an operator) wrote since this activation read. The activation deactivates so the next
/// call reloads the newer state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedETag, string? currentETag)
        : base(message)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ETag found in storage, when the provider knows it.</summary>
    public string? StoredETag { get; }

    /// <summary>The ETag this activation expected.</summary>
    public string? CurrentETag { get; }
}
