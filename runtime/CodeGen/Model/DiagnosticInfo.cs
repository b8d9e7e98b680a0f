using Microsoft.CodeAnalysis;

namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>A diagnostic found by the semantic transform, reported when sources are emitted.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None, arguments);
    }
}
