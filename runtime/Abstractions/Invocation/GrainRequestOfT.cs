namespace OrderEngine.Runtime.Invocation;

/// <summary>A request whose method returns <typeparamref name="TResult"/> (<see cref="VoidResult"/> for none).</summary>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Runs the method on <paramref name="grain"/>; called on the activation's context.</summary>
    public abstract ValueTask<TResult> InvokeAsync(object grain);

    public sealed override async ValueTask<object?> InvokeUntypedAsync(object grain) => await InvokeAsync(grain);

    protected static ArgumentOutOfRangeException BadArgumentIndex(int index) =>
        new(nameof(index), index, "No argument at this index.");
}
