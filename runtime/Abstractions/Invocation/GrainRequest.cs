namespace OrderEngine.Runtime.Invocation;

/// <summary>
/// One call to a grain method, with its arguments: generated per method, so invoking it is a plain
/// virtual call with no reflection. Arguments are immutable by contract and are not copied locally.
/// </summary>
public abstract class GrainRequest
{
    public abstract GrainMethod Method { get; }

    public abstract object? GetArgument(int index);

    public abstract void SetArgument(int index, object? value);

    /// <summary>Runs the method on <paramref name="grain"/> and boxes its result (for transports).</summary>
    public abstract ValueTask<object?> InvokeUntypedAsync(object grain);

    public override string ToString() => Method.ToString();
}
