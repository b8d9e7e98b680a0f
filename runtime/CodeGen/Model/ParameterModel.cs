namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>One parameter of a grain method and the request field that carries it.</summary>
/// <param name="Name">The parameter name, escaped for use in C#.</param>
/// <param name="FieldName">The request field holding the argument.</param>
/// <param name="Type">The declared type with nullable annotations, fully qualified.</param>
/// <param name="TypeOf">The type as written inside <c>typeof(...)</c>.</param>
/// <param name="IsNonNullableReference">A reference type without <c>?</c>: its field needs <c>= default!</c>.</param>
/// <param name="AcceptsNull">Null is a legal value (a nullable reference or a <c>Nullable&lt;T&gt;</c>).</param>
internal sealed record ParameterModel(
    string Name,
    string FieldName,
    string Type,
    string TypeOf,
    bool IsNonNullableReference,
    bool AcceptsNull);
