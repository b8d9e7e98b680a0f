using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using OrderEngine.Runtime.CodeGen.Model;

namespace OrderEngine.Runtime.CodeGen.Analysis;

/// <summary>Turns a grain interface symbol into a <see cref="GrainInterfaceModel"/> and its diagnostics.</summary>
internal static class GrainInterfaceAnalyzer
{
    private const string TasksNamespace = "System.Threading.Tasks";

    /// <summary>Names a generated request class already uses; a parameter with one of them gets a positional field name.</summary>
    private static readonly ImmutableHashSet<string> ReservedMemberNames = ImmutableHashSet.Create(
        "Descriptor",
        "Method",
        "GetArgument",
        "SetArgument",
        "InvokeAsync",
        "InvokeUntypedAsync",
        "BadArgumentIndex",
        "ToString",
        "Equals",
        "GetHashCode",
        "GetType",
        "MemberwiseClone",
        "ReferenceEquals",
        "Finalize");

    public static GrainInterfaceModel? Analyze(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!Symbols.IsGrainInterface(type))
        {
            return null;
        }

        var fullName = Symbols.Display(type);
        var typeLocation = Symbols.SourceLocation(type, null);
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();

        if (Symbols.IsInGenericContext(type))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.GenericInterface, typeLocation, type.ToDisplayString()));
            return new GrainInterfaceModel(fullName, EquatableArray<GrainMethodModel>.Empty, diagnostics.ToEquatableArray(), IsValid: false);
        }

        var isValid = true;
        if (!Symbols.IsAccessibleFromAssembly(type))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.GrainInterfaceNotAccessible, typeLocation, type.ToDisplayString()));
            isValid = false;
        }

        var methods = ImmutableArray.CreateBuilder<GrainMethodModel>();
        var interfaces = new List<INamedTypeSymbol> { type };
        interfaces.AddRange(type.AllInterfaces);
        foreach (var declaring in interfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Members of another grain interface of this compilation are reported there, not once per derived interface.
            var report = SymbolEqualityComparer.Default.Equals(declaring, type) || !IsAnalyzedOnItsOwn(declaring);
            var index = 0;
            foreach (var member in declaring.GetMembers())
            {
                if (!IsCallableInstanceMember(member))
                {
                    continue;
                }

                var location = Symbols.SourceLocation(member, typeLocation);
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                        var model = AnalyzeMethod(method, index++, location, report ? diagnostics : null);
                        if (model is null)
                        {
                            isValid = false;
                        }
                        else
                        {
                            methods.Add(model);
                        }

                        break;
                    case IPropertySymbol or IEventSymbol:
                        isValid = false;
                        if (report)
                        {
                            diagnostics.Add(Diagnostic(
                                DiagnosticDescriptors.PropertyOrEvent,
                                location,
                                member.ToDisplayString(),
                                member is IEventSymbol ? "an event" : "a property",
                                declaring.ToDisplayString()));
                        }

                        break;
                }
            }
        }

        return new GrainInterfaceModel(
            fullName,
            isValid ? methods.ToEquatableArray() : EquatableArray<GrainMethodModel>.Empty,
            diagnostics.ToEquatableArray(),
            isValid);
    }

    /// <summary>A non-generic grain interface declared in this compilation gets its own model and diagnostics.</summary>
    private static bool IsAnalyzedOnItsOwn(INamedTypeSymbol type) =>
        Symbols.SourceLocation(type, null) is not null && Symbols.IsGrainInterface(type) && !Symbols.IsInGenericContext(type);

    /// <summary>Members a proxy has to implement: instance, abstract or virtual (default interface implementations too).</summary>
    private static bool IsCallableInstanceMember(ISymbol member) =>
        !member.IsStatic && (member.IsAbstract || member.IsVirtual);

    private static GrainMethodModel? AnalyzeMethod(IMethodSymbol method, int index, Location? location, ImmutableArray<DiagnosticInfo>.Builder? diagnostics)
    {
        var ok = true;
        var methodName = method.ToDisplayString();
        if (method.IsGenericMethod)
        {
            diagnostics?.Add(Diagnostic(DiagnosticDescriptors.GenericMethod, location, methodName));
            ok = false;
        }

        var returnType = method.ReturnType;
        ReturnKind kind = default;
        ITypeSymbol? resultType = null;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || !TryGetReturnKind(returnType, out kind, out resultType))
        {
            diagnostics?.Add(Diagnostic(DiagnosticDescriptors.InvalidReturnType, location, methodName, returnType.ToDisplayString()));
            ok = false;
        }

        var isOneWay = Symbols.HasAttribute(method, Symbols.RuntimeNamespace, "OneWayAttribute");
        if (ok && isOneWay && resultType is not null)
        {
            diagnostics?.Add(Diagnostic(DiagnosticDescriptors.OneWayWithResult, location, methodName, returnType.ToDisplayString()));
            ok = false;
        }

        var parameters = ImmutableArray.CreateBuilder<ParameterModel>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            var problem = ParameterProblem(parameter);
            if (problem is not null)
            {
                diagnostics?.Add(Diagnostic(
                    DiagnosticDescriptors.InvalidParameter,
                    Symbols.SourceLocation(parameter, location),
                    parameter.Name,
                    methodName,
                    problem));
                ok = false;
                continue;
            }

            parameters.Add(CreateParameter(parameter));
        }

        if (!ok)
        {
            return null;
        }

        return new GrainMethodModel(
            Symbols.Display(method.ContainingType),
            index,
            method.Name,
            Symbols.EscapeIdentifier(method.Name),
            kind,
            Symbols.Display(returnType),
            resultType is null ? "global::OrderEngine.Runtime.Invocation.VoidResult" : Symbols.Display(resultType),
            resultType is null ? "global::OrderEngine.Runtime.Invocation.VoidResult" : Symbols.DisplayTypeOf(resultType),
            parameters.ToEquatableArray(),
            isOneWay,
            Symbols.HasAttribute(method, Symbols.RuntimeNamespace, "AlwaysInterleaveAttribute"));
    }

    private static bool TryGetReturnKind(ITypeSymbol returnType, out ReturnKind kind, out ITypeSymbol? resultType)
    {
        resultType = null;
        if (Symbols.Is(returnType, TasksNamespace, "Task"))
        {
            kind = ReturnKind.Task;
            return true;
        }

        if (Symbols.Is(returnType, TasksNamespace, "ValueTask"))
        {
            kind = ReturnKind.ValueTask;
            return true;
        }

        if (Symbols.Is(returnType, TasksNamespace, "Task", 1))
        {
            kind = ReturnKind.TaskOfT;
            resultType = ((INamedTypeSymbol)returnType).TypeArguments[0];
            return true;
        }

        if (Symbols.Is(returnType, TasksNamespace, "ValueTask", 1))
        {
            kind = ReturnKind.ValueTaskOfT;
            resultType = ((INamedTypeSymbol)returnType).TypeArguments[0];
            return true;
        }

        kind = default;
        return false;
    }

    private static string? ParameterProblem(IParameterSymbol parameter)
    {
        switch (parameter.RefKind)
        {
            case RefKind.None:
                break;
            case RefKind.Ref:
                return "'ref'";
            case RefKind.Out:
                return "'out'";
            case RefKind.In:
                return "'in'";
            default:
                return "'ref readonly'";
        }

        if (parameter.IsParams)
        {
            return "'params'";
        }

        return parameter.Type.IsRefLikeType ? "a ref struct" : null;
    }

    private static ParameterModel CreateParameter(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        var fieldName = ReservedMemberNames.Contains(parameter.Name)
            ? "__arg" + parameter.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Symbols.EscapeIdentifier(parameter.Name);
        var isNullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        var isAnnotatedReference = !type.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated;
        return new ParameterModel(
            Symbols.EscapeIdentifier(parameter.Name),
            fieldName,
            Symbols.Display(type),
            Symbols.DisplayTypeOf(type),
            IsNonNullableReference: !type.IsValueType && !isAnnotatedReference,
            AcceptsNull: isNullableValue || isAnnotatedReference);
    }

    private static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray());
}
