namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>A grain interface method, identified by its declaring interface and its index there.</summary>
/// <param name="DeclaringInterface">The interface that declares the method, fully qualified.</param>
/// <param name="Index">Position of the method among the declaring interface's grain methods.</param>
/// <param name="Name">The method name as the runtime sees it.</param>
/// <param name="EscapedName">The method name for use in C#.</param>
/// <param name="Kind">Which of the four return shapes.</param>
/// <param name="ReturnType">The declared return type, fully qualified with nullable annotations.</param>
/// <param name="ResultType">The request's result type: the task's T, or VoidResult.</param>
/// <param name="ResultTypeOf">The result type as written inside <c>typeof(...)</c>.</param>
internal sealed record GrainMethodModel(
    string DeclaringInterface,
    int Index,
    string Name,
    string EscapedName,
    ReturnKind Kind,
    string ReturnType,
    string ResultType,
    string ResultTypeOf,
    EquatableArray<ParameterModel> Parameters,
    bool IsOneWay,
    bool IsAlwaysInterleave)
{
    /// <summary>Identifies the method across every grain interface that inherits it.</summary>
    public string Identity => DeclaringInterface + "#" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
