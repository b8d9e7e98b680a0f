namespace OrderEngine.Runtime;

/// <summary>
/// Hands the activation's context to the <see cref="Grain"/> constructor, so that grain constructors
/// can already use their identity. Set by the runtime on the constructing thread only.
/// </summary>
internal static class GrainContextScope
{
    [ThreadStatic]
    private static IGrainContext? _constructing;

    internal static IGrainContext? Current => _constructing;

    internal static IGrainContext? Enter(IGrainContext context)
    {
        var previous = _constructing;
        _constructing = context;
        return previous;
    }

    internal static void Exit(IGrainContext? previous) => _constructing = previous;
}
