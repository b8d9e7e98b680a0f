namespace OrderEngine.Runtime;

/// <summary>
/// An exception thrown by a grain on another silo whose type this silo cannot rebuild; it keeps the
/// original type name and message.
/// </summary>
public sealed class RemoteGrainException(string remoteType, string message) : Exception($"{remoteType}: {message}")
{
    public string RemoteType { get; } = remoteType;

    public string RemoteMessage { get; } = message;
}
