namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>A concrete grain class declared in the compilation and how to construct it.</summary>
/// <param name="FullName">Fully qualified with <c>global::</c>.</param>
/// <param name="IsValid">False when a diagnostic prevents generating its factory.</param>
internal sealed record GrainClassModel(
    string FullName,
    EquatableArray<ConstructorArgumentModel> Arguments,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool IsValid);
