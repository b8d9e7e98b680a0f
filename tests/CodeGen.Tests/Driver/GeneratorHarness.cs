using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OrderEngine.Runtime.CodeGen.Tests.Driver;

/// <summary>Runs <see cref="GrainGenerator"/> over source strings, as the compiler does, against the real abstractions.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpCompilation Compile(params string[] sources) => Compile(sources, withAbstractions: true);

    public static CSharpCompilation Compile(string[] sources, bool withAbstractions) =>
        CSharpCompilation.Create(
            "DriverSample",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            withAbstractions ? References.Value : References.Value.Where(r => !IsAbstractions(r)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new GrainGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    public static GeneratorRun Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    private static bool IsAbstractions(MetadataReference reference) =>
        string.Equals(reference.Display, typeof(IGrain).Assembly.Location, StringComparison.Ordinal);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The platform assemblies plus the abstractions; not this test assembly or the generator, whose types would leak in.
        var excluded = new HashSet<string>(StringComparer.Ordinal)
        {
            typeof(GeneratorHarness).Assembly.Location,
            typeof(GrainGenerator).Assembly.Location,
        };
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(IGrain).Assembly.Location)
            .Where(path => !excluded.Contains(path))
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
