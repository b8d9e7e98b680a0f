using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OrderEngine.Runtime.CodeGen.Analysis;

/// <summary>Recognises the runtime's contract types by name and renders types for generated code.</summary>
internal static class Symbols
{
    public const string RuntimeNamespace = "OrderEngine.Runtime";

    /// <summary>Fully qualified, keywords escaped, with <c>?</c> on nullable reference types.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>What <c>typeof(...)</c> accepts: no nullable reference annotations, no tuple element names.</summary>
    public static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    public static bool Is(ITypeSymbol? type, string @namespace, string name, int arity = 0) =>
        type is INamedTypeSymbol named
        && named.Name == name
        && named.Arity == arity
        && named.ContainingType is null
        && named.ContainingNamespace?.ToDisplayString() == @namespace;

    public static bool IsGrainMarker(INamedTypeSymbol type) =>
        Is(type, RuntimeNamespace, "IGrain")
        || Is(type, RuntimeNamespace, "IGrainWithStringKey")
        || Is(type, RuntimeNamespace, "IGrainWithGuidKey")
        || Is(type, RuntimeNamespace, "IGrainWithIntegerKey");

    /// <summary>An interface extending IGrain (directly or not) that is not one of the key marker interfaces.</summary>
    public static bool IsGrainInterface(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Interface || IsGrainMarker(type))
        {
            return false;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (Is(candidate, RuntimeNamespace, "IGrain"))
            {
                return true;
            }
        }

        return false;
    }

    public static bool DerivesFromGrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (Is(current, RuntimeNamespace, "Grain"))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasAttribute(ISymbol symbol, string @namespace, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, @namespace, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the type or one of its containing types is generic.</summary>
    public static bool IsInGenericContext(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when code elsewhere in the assembly can name the type: public or internal all the way out.</summary>
    public static bool IsAccessibleFromAssembly(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return false;
            }

            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    public static string Display(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Dynamic ? "object" : type.ToDisplayString(TypeFormat);

    /// <summary>The type without a top-level <c>?</c>, as a generic type argument with a notnull constraint needs.</summary>
    public static string DisplayNotAnnotated(ITypeSymbol type) =>
        Display(type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : type);

    public static string DisplayTypeOf(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Dynamic ? "object" : type.ToDisplayString(TypeOfFormat);

    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string Literal(string? value) =>
        value is null ? "null!" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>The location to report at: the symbol's first source location, else <paramref name="fallback"/>.</summary>
    public static Location? SourceLocation(ISymbol symbol, Location? fallback)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return fallback;
    }
}
