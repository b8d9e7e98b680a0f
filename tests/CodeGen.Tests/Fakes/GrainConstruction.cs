using System.Reflection;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

/// <summary>
/// Constructs a grain the way the runtime does: inside the internal GrainContextScope that the
/// <see cref="Grain"/> constructor reads. The scope is internal to the abstractions, so it is reached by reflection.
/// </summary>
public static class GrainConstruction
{
    private static readonly Type Scope = typeof(Grain).Assembly.GetType("OrderEngine.Runtime.GrainContextScope", throwOnError: true)!;
    private static readonly MethodInfo Enter = Scope.GetMethod("Enter", BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo Exit = Scope.GetMethod("Exit", BindingFlags.Static | BindingFlags.NonPublic)!;

    public static Grain Run(IGrainContext context, Func<Grain> create)
    {
        var previous = Enter.Invoke(null, [context]);
        try
        {
            return create();
        }
        finally
        {
            Exit.Invoke(null, [previous]);
        }
    }
}
