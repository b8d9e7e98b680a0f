using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace OrderEngine.Runtime.CodeGen.Tests.Driver;

/// <summary>One generator run: the driver (for incremental re-runs), the compilation with generated sources, and the generator's diagnostics.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public GeneratorRunResult Result => Assert.Single(Driver.GetRunResult().Results);

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

    public string[] DiagnosticIds => [.. Diagnostics.Select(d => d.Id)];

    /// <summary>Compiler diagnostics of the output compilation that are warnings or errors.</summary>
    public Diagnostic[] CompilerProblems =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
