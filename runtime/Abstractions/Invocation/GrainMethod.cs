namespace OrderEngine.Runtime.Invocation;

/// <summary>
/// Static description of one grain interface method, created once by generated code. <see cref="Key"/>
/// names the method on the wire; <see cref="CreateRequest"/> makes an empty request that a transport
/// fills with <see cref="GrainRequest.SetArgument"/>.
/// </summary>
public sealed class GrainMethod
{
    private readonly Func<GrainRequest> _createRequest;

    public GrainMethod(Type interfaceType, string name, Type[] parameterTypes, Type resultType, GrainMethodFlags flags, Func<GrainRequest> createRequest)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        InterfaceType = interfaceType;
        Name = name;
        ParameterTypes = parameterTypes;
        ResultType = resultType;
        Flags = flags;
        _createRequest = createRequest;
        Key = $"{WireName(interfaceType)}.{name}({string.Join(",", parameterTypes.Select(WireName))})";
    }

    public Type InterfaceType { get; }

    public string InterfaceName => InterfaceType.Name;

    public string Name { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary><see cref="VoidResult"/> for methods without a result.</summary>
    public Type ResultType { get; }

    public GrainMethodFlags Flags { get; }

    public bool IsOneWay => (Flags & GrainMethodFlags.OneWay) != 0;

    public bool IsAlwaysInterleave => (Flags & GrainMethodFlags.AlwaysInterleave) != 0;

    /// <summary>Stable name of the method: interface full name, method name and parameter types.</summary>
    public string Key { get; }

    public GrainRequest CreateRequest() => _createRequest();

    public override string ToString() => $"{InterfaceName}.{Name}";

    /// <summary>A type's name without assembly names or versions, so a key stays the same across framework versions.</summary>
    internal static string WireName(Type type)
    {
        if (type.IsArray)
        {
            return $"{WireName(type.GetElementType()!)}[{new string(',', type.GetArrayRank() - 1)}]";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var definition = type.GetGenericTypeDefinition().FullName!;
        return $"{definition}[{string.Join(",", type.GetGenericArguments().Select(WireName))}]";
    }
}
