using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using OrderEngine.Runtime.CodeGen.Model;

namespace OrderEngine.Runtime.CodeGen.Analysis;

/// <summary>Turns a grain class symbol into a <see cref="GrainClassModel"/> and its diagnostics.</summary>
internal static class GrainClassAnalyzer
{
    private const string PersistenceNamespace = "OrderEngine.Runtime.Persistence";

    public static GrainClassModel? Analyze(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || !Symbols.DerivesFromGrain(type))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var fullName = Symbols.Display(type);
        var typeLocation = Symbols.SourceLocation(type, null);
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var isValid = true;

        if (Symbols.IsInGenericContext(type))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.GenericGrainClass, typeLocation, type.ToDisplayString()));
            isValid = false;
        }

        if (!Symbols.IsAccessibleFromAssembly(type))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.GrainClassNotAccessible, typeLocation, type.ToDisplayString()));
            isValid = false;
        }

        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (constructors.Count != 1)
        {
            diagnostics.Add(Diagnostic(
                DiagnosticDescriptors.ConstructorCount,
                typeLocation,
                type.ToDisplayString(),
                constructors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new GrainClassModel(fullName, EquatableArray<ConstructorArgumentModel>.Empty, diagnostics.ToEquatableArray(), IsValid: false);
        }

        var constructor = constructors[0];
        var constructorName = constructor.ToDisplayString();
        var arguments = ImmutableArray.CreateBuilder<ConstructorArgumentModel>(constructor.Parameters.Length);
        foreach (var parameter in constructor.Parameters)
        {
            var location = Symbols.SourceLocation(parameter, Symbols.SourceLocation(constructor, typeLocation));
            if (parameter.RefKind != RefKind.None)
            {
                var refKind = parameter.RefKind switch
                {
                    RefKind.Ref => "'ref'",
                    RefKind.Out => "'out'",
                    RefKind.In => "'in'",
                    _ => "'ref readonly'",
                };
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidParameter, location, parameter.Name, constructorName, refKind));
                isValid = false;
                continue;
            }

            var attribute = parameter.GetAttributes().FirstOrDefault(a => Symbols.Is(a.AttributeClass, Symbols.RuntimeNamespace, "PersistentStateAttribute"));
            var isState = Symbols.Is(parameter.Type, PersistenceNamespace, "IPersistentState", 1);
            if (isState && attribute is null)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.PersistentStateWithoutAttribute, location, parameter.Name, constructorName));
                isValid = false;
            }
            else if (!isState && attribute is not null)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.PersistentStateOnWrongType, location, parameter.Name, constructorName, parameter.Type.ToDisplayString()));
                isValid = false;
            }
            else if (isState)
            {
                var stateType = ((INamedTypeSymbol)parameter.Type).TypeArguments[0];
                var values = attribute!.ConstructorArguments;
                arguments.Add(new ConstructorArgumentModel(
                    Symbols.DisplayNotAnnotated(stateType),
                    Symbols.Literal(values.Length > 0 ? values[0].Value as string : null),
                    Symbols.Literal(values.Length > 1 ? values[1].Value as string : null)));
            }
            else
            {
                arguments.Add(new ConstructorArgumentModel(Symbols.DisplayNotAnnotated(parameter.Type), StateName: null, StorageName: null));
            }
        }

        return new GrainClassModel(
            fullName,
            isValid ? arguments.ToEquatableArray() : EquatableArray<ConstructorArgumentModel>.Empty,
            diagnostics.ToEquatableArray(),
            isValid);
    }

    private static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray());
}
