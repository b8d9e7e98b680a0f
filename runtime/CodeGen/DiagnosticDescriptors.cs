using System;
using Microsoft.CodeAnalysis;

namespace OrderEngine.Runtime.CodeGen;

/// <summary>The errors the grain generator reports. Ids are stable: never renumber them.</summary>
public static class DiagnosticDescriptors
{
    private const string Category = "OrderEngine.CodeGen";

    public static readonly DiagnosticDescriptor InvalidReturnType = Error(
        "OEG001",
        "Grain method has an unsupported return type",
        "Grain method '{0}' returns '{1}': grain methods must return Task, Task<T>, ValueTask or ValueTask<T>");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "OEG002",
        "Grain method is generic",
        "Grain method '{0}' is generic: grain methods cannot have type parameters");

    public static readonly DiagnosticDescriptor InvalidParameter = Error(
        "OEG003",
        "Parameter cannot be passed to a grain",
        "Parameter '{0}' of '{1}' is {2}: grain call arguments are plain values, never ref, out, in or params");

    public static readonly DiagnosticDescriptor GenericInterface = Error(
        "OEG004",
        "Grain interface is generic",
        "Grain interface '{0}' is generic: generic grain interfaces are not supported");

    public static readonly DiagnosticDescriptor ConstructorCount = Error(
        "OEG005",
        "Grain class needs exactly one public constructor",
        "Grain class '{0}' has {1} public constructors: it needs exactly one, whose parameters the runtime fills");

    public static readonly DiagnosticDescriptor PersistentStateWithoutAttribute = Error(
        "OEG006",
        "Persistent state parameter without [PersistentState]",
        "Parameter '{0}' of '{1}' is an IPersistentState<T> without [PersistentState(stateName, storageName)]");

    public static readonly DiagnosticDescriptor GrainClassNotAccessible = Error(
        "OEG007",
        "Grain class is not accessible",
        "Grain class '{0}' is not accessible to generated code: make it and its containing types public or internal");

    public static readonly DiagnosticDescriptor PropertyOrEvent = Error(
        "OEG008",
        "Grain interface declares a property or an event",
        "'{0}' is {1} of grain interface '{2}': grain interfaces may declare only methods");

    public static readonly DiagnosticDescriptor GrainInterfaceNotAccessible = Error(
        "OEG009",
        "Grain interface is not accessible",
        "Grain interface '{0}' is not accessible to generated code: make it and its containing types public or internal");

    public static readonly DiagnosticDescriptor GenericGrainClass = Error(
        "OEG010",
        "Grain class is generic",
        "Grain class '{0}' is generic: generic grain classes are not supported");

    public static readonly DiagnosticDescriptor PersistentStateOnWrongType = Error(
        "OEG011",
        "[PersistentState] on a parameter that is not IPersistentState<T>",
        "Parameter '{0}' of '{1}' has [PersistentState] but its type is '{2}', not IPersistentState<T>");

    public static readonly DiagnosticDescriptor OneWayWithResult = Error(
        "OEG012",
        "[OneWay] grain method returns a result",
        "Grain method '{0}' is [OneWay] but returns '{1}': one-way methods return Task or ValueTask");

    internal static DiagnosticDescriptor ById(string id) => id switch
    {
        "OEG001" => InvalidReturnType,
        "OEG002" => GenericMethod,
        "OEG003" => InvalidParameter,
        "OEG004" => GenericInterface,
        "OEG005" => ConstructorCount,
        "OEG006" => PersistentStateWithoutAttribute,
        "OEG007" => GrainClassNotAccessible,
        "OEG008" => PropertyOrEvent,
        "OEG009" => GrainInterfaceNotAccessible,
        "OEG010" => GenericGrainClass,
        "OEG011" => PersistentStateOnWrongType,
        "OEG012" => OneWayWithResult,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
