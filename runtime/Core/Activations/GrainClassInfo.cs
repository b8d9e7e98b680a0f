using System.Reflection;
using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Reminders;
using OrderEngine.Runtime.Streams;

namespace OrderEngine.Runtime.Activations;

/// <summary>What the runtime knows about one grain class, read once at startup.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type grainClass, Func<IGrainActivationContext, Grain> factory)
    {
        GrainClass = grainClass;
        Factory = factory;
        GrainType = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(grainClass);
        IsReentrant = grainClass.IsDefined(typeof(ReentrantAttribute), inherit: true);
        var worker = grainClass.GetCustomAttribute<StatelessWorkerAttribute>(inherit: true);
        if (worker is not null)
        {
            MaxLocalWorkers = worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount;
        }

        StreamNamespaces = grainClass.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>().Select(a => a.Namespace).ToArray();
        if (StreamNamespaces.Count > 0 && !typeof(IImplicitStreamSubscriber).IsAssignableFrom(grainClass))
        {
            throw new InvalidOperationException($"{grainClass.FullName} has [ImplicitStreamSubscription] but does not implement {nameof(IImplicitStreamSubscriber)}.");
        }

        IsRemindable = typeof(IRemindable).IsAssignableFrom(grainClass);
    }

    public Type GrainClass { get; }

    public Func<IGrainActivationContext, Grain> Factory { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    /// <summary>0 unless the class is a [StatelessWorker].</summary>
    public int MaxLocalWorkers { get; }

    public bool IsStatelessWorker => MaxLocalWorkers > 0;

    public IReadOnlyList<string> StreamNamespaces { get; }

    public bool IsRemindable { get; }

    private static string DefaultName(Type grainClass)
    {
        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
