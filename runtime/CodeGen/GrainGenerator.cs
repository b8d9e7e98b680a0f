using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OrderEngine.Runtime.CodeGen.Analysis;
using OrderEngine.Runtime.CodeGen.Emit;

namespace OrderEngine.Runtime.CodeGen;

/// <summary>
/// Generates, for the grain interfaces and grain classes declared in a compilation, the request classes,
/// proxies, grain factories and the assembly's <c>IGrainMetadataProvider</c>, so that no grain call
/// needs reflection.
/// </summary>
/// <remarks>
/// The pipeline filters on syntax (interfaces and classes with a base list), then a semantic transform
/// produces value-equal models holding only strings, so unchanged grains stop the pipeline before emit.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class GrainGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step producing grain interface models.</summary>
    public const string InterfaceModelsStep = "GrainInterfaceModels";

    /// <summary>Tracking name of the step producing grain class models.</summary>
    public const string ClassModelsStep = "GrainClassModels";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList.Types.Count: > 0 },
                static (syntax, cancellationToken) =>
                    syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is INamedTypeSymbol type
                        ? GrainInterfaceAnalyzer.Analyze(type, cancellationToken)
                        : null)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(InterfaceModelsStep)
            .Collect();

        var classes = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList.Types.Count: > 0 },
                static (syntax, cancellationToken) =>
                    syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is INamedTypeSymbol type
                        ? GrainClassAnalyzer.Analyze(type, cancellationToken)
                        : null)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(ClassModelsStep)
            .Collect();

        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Assembly");

        context.RegisterSourceOutput(
            interfaces.Combine(classes).Combine(assemblyName),
            static (output, input) => SourceEmitter.Emit(output, input.Left.Left, input.Left.Right, input.Right));

        // Diagnostics need the compilation only to point at its syntax trees; with none to report this step is trivial.
        context.RegisterSourceOutput(
            interfaces.Combine(classes).Combine(context.CompilationProvider),
            static (output, input) => SourceEmitter.ReportDiagnostics(output, input.Left.Left, input.Left.Right, input.Right));
    }
}
