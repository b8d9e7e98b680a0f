using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Messaging;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Activations;

/// <summary>
/// Everything the source generator produced for the grain assemblies of this process: proxies per
/// interface, factories per grain class, and which class serves which interface and grain type.
/// Reflection is used here, once per assembly, never on the call path.
/// </summary>
internal sealed class GrainTypeManifest : IGrainMetadataBuilder
{
    private readonly Lock _lock = new();
    private readonly HashSet<Assembly> _loaded = [];
    private readonly ConcurrentDictionary<Type, Func<GrainId, IGrainCallInvoker, GrainReference>> _proxies = new();
    private readonly ConcurrentDictionary<string, GrainMethod> _methods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GrainClassInfo> _classesByType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _grainTypeByInterface = new();

    public GrainTypeManifest(IEnumerable<Assembly> assemblies)
    {
        // The calls the runtime makes itself (stream delivery, reminders, activation) cross silos too.
        foreach (var method in new[] { StreamDeliveryRequest.Descriptor, ReminderRequest.Descriptor, ActivateRequest.Descriptor })
        {
            _methods[method.Key] = method;
        }

        foreach (var assembly in assemblies)
        {
            Load(assembly);
        }
    }

    public IEnumerable<GrainClassInfo> GrainClasses => _classesByType.Values;

    public GrainClassInfo GetClass(string grainType) =>
        _classesByType.TryGetValue(grainType, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class is registered for grain type '{grainType}'. Add its assembly with AddGrainAssembly.");

    public bool TryGetClass(string grainType, [NotNullWhen(true)] out GrainClassInfo? info) => _classesByType.TryGetValue(grainType, out info);

    public bool TryGetMethod(string key, out GrainMethod method) => _methods.TryGetValue(key, out method!);

    public string GetGrainType(Type grainInterface)
    {
        if (_grainTypeByInterface.TryGetValue(grainInterface, out var grainType))
        {
            return grainType;
        }

        Load(grainInterface.Assembly);
        var candidates = _classesByType.Values.Where(c => grainInterface.IsAssignableFrom(c.GrainClass)).ToList();
        return candidates.Count switch
        {
            1 => _grainTypeByInterface.GetOrAdd(grainInterface, candidates[0].GrainType),
            0 => throw new InvalidOperationException($"No grain class implements {grainInterface.FullName}. Register the assembly of its grain class with AddGrainAssembly."),
            _ => throw new InvalidOperationException($"{grainInterface.FullName} is implemented by several grain classes ({string.Join(", ", candidates.Select(c => c.GrainClass.Name))}); give each its own interface."),
        };
    }

    public GrainReference CreateReference(Type grainInterface, GrainId grainId, IGrainCallInvoker invoker)
    {
        if (!_proxies.TryGetValue(grainInterface, out var create))
        {
            Load(grainInterface.Assembly);
            if (!_proxies.TryGetValue(grainInterface, out create))
            {
                throw new InvalidOperationException($"No proxy was generated for {grainInterface.FullName}. Does its project reference the OrderEngine.Runtime.CodeGen analyzer?");
            }
        }

        return create(grainId, invoker);
    }

    void IGrainMetadataBuilder.AddInterface(Type interfaceType, Func<GrainId, IGrainCallInvoker, GrainReference> createProxy, IReadOnlyList<GrainMethod> methods)
    {
        _proxies[interfaceType] = createProxy;
        foreach (var method in methods)
        {
            _methods[method.Key] = method;
        }
    }

    void IGrainMetadataBuilder.AddGrainClass(Type grainClass, Func<IGrainActivationContext, Grain> create)
    {
        var info = new GrainClassInfo(grainClass, create);
        if (!_classesByType.TryAdd(info.GrainType, info) && _classesByType[info.GrainType].GrainClass != grainClass)
        {
            throw new InvalidOperationException($"Grain type name '{info.GrainType}' is used by {grainClass.FullName} and {_classesByType[info.GrainType].GrainClass.FullName}.");
        }

        foreach (var grainInterface in grainClass.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i)))
        {
            Load(grainInterface.Assembly);
        }
    }

    private void Load(Assembly assembly)
    {
        lock (_lock)
        {
            if (!_loaded.Add(assembly))
            {
                return;
            }
        }

        foreach (var attribute in assembly.GetCustomAttributes<GrainMetadataProviderAttribute>())
        {
            var provider = (IGrainMetadataProvider)Activator.CreateInstance(attribute.ProviderType)!;
            provider.Populate(this);
        }
    }
}
