using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OrderEngine.Runtime.CodeGen.Tests.Driver;

/// <summary>Models are value-equal, so edits that do not change a grain's shape stop before source output.</summary>
public sealed class IncrementalTests
{
    private const string Grain = """
        using System.Threading.Tasks;
        using OrderEngine.Runtime;

        namespace Sample;

        public interface ICounterGrain : IGrainWithStringKey { Task<int> Next(); }

        public sealed class CounterGrain : Grain, ICounterGrain
        {
            private int _value;

            public Task<int> Next() => Task.FromResult(++_value);
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_reuses_every_model_and_the_output()
    {
        var first = GeneratorHarness.Run(Grain);
        var next = first.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public sealed class Unrelated;", GeneratorHarness.ParseOptions));

        var result = Assert.Single(first.Driver.RunGenerators(next).GetRunResult().Results);

        AssertReasons(result, GrainGenerator.InterfaceModelsStep, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertReasons(result, GrainGenerator.ClassModelsStep, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);

        // In registration order: the sources come from the cache; the diagnostics step re-runs on the new
        // compilation (it maps locations into its trees) and finds nothing new.
        Assert.Equal(
            [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged],
            result.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs).Select(o => o.Reason));
    }

    [Fact]
    public void Editing_a_grain_method_body_leaves_the_models_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Grain);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(
            tree,
            tree.WithChangedText(tree.GetText().Replace(Grain.IndexOf("++_value", StringComparison.Ordinal), "++_value".Length, "_value += 2")));

        var result = Assert.Single(driver.RunGenerators(edited).GetRunResult().Results);

        AssertReasons(result, GrainGenerator.InterfaceModelsStep, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertReasons(result, GrainGenerator.ClassModelsStep, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        Assert.Equal(
            IncrementalStepRunReason.Cached,
            result.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs).Select(o => o.Reason).First());
    }

    [Fact]
    public void Adding_a_grain_method_changes_the_interface_model()
    {
        var compilation = GeneratorHarness.Compile(Grain);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var declaration = "Task<int> Next();";
        var edited = compilation.ReplaceSyntaxTree(
            tree,
            tree.WithChangedText(tree.GetText().Replace(Grain.IndexOf(declaration, StringComparison.Ordinal), declaration.Length, declaration + " Task Reset();")));

        var result = Assert.Single(driver.RunGenerators(edited).GetRunResult().Results);

        AssertReasons(result, GrainGenerator.InterfaceModelsStep, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Modified);
    }

    /// <summary>Every output of <paramref name="step"/> has <paramref name="expected"/> or <paramref name="alternative"/> as its reason.</summary>
    private static void AssertReasons(GeneratorRunResult result, string step, IncrementalStepRunReason expected, IncrementalStepRunReason alternative)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason == expected || output.Reason == alternative,
            $"{step}: {output.Reason}, expected {expected} or {alternative}"));
    }
}
