namespace OrderEngine.Runtime.Transport;

/// <summary>How a connection ended: the first cause wins, later errors of the teardown are ignored.</summary>
/// <param name="Reason">Why it closed.</param>
/// <param name="Error">The error that closed it, if any (protocol or I/O error).</param>
internal sealed record ConnectionClosure(ConnectionCloseReason Reason, Exception? Error)
{
    public override string ToString() => Error is null ? Reason.ToString() : $"{Reason}: {Error.Message}";
}
