namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>A grain interface declared in the compilation, with the methods of it and of every interface it extends.</summary>
/// <param name="FullName">Fully qualified with <c>global::</c>.</param>
/// <param name="IsValid">False when a diagnostic (here or on an inherited member) prevents generating it.</param>
internal sealed record GrainInterfaceModel(
    string FullName,
    EquatableArray<GrainMethodModel> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool IsValid);
