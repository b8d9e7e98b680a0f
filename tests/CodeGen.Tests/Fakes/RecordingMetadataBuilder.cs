using System.Reflection;
using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

/// <summary>Records what a generated <see cref="IGrainMetadataProvider"/> registers; a second registration of a type fails.</summary>
public sealed class RecordingMetadataBuilder : IGrainMetadataBuilder
{
    public Dictionary<Type, RegisteredInterface> Interfaces { get; } = [];

    public Dictionary<Type, Func<IGrainActivationContext, Grain>> GrainClasses { get; } = [];

    /// <summary>Creates every provider named by <paramref name="assembly"/>'s attributes and lets it populate a new builder.</summary>
    public static RecordingMetadataBuilder PopulateFrom(Assembly assembly)
    {
        var builder = new RecordingMetadataBuilder();
        foreach (var attribute in assembly.GetCustomAttributes<GrainMetadataProviderAttribute>())
        {
            var provider = (IGrainMetadataProvider)Activator.CreateInstance(attribute.ProviderType)!;
            provider.Populate(builder);
        }

        return builder;
    }

    public void AddInterface(Type interfaceType, Func<GrainId, IGrainCallInvoker, GrainReference> createProxy, IReadOnlyList<GrainMethod> methods) =>
        Interfaces.Add(interfaceType, new RegisteredInterface(createProxy, methods));

    public void AddGrainClass(Type grainClass, Func<IGrainActivationContext, Grain> create) =>
        GrainClasses.Add(grainClass, create);

    public sealed record RegisteredInterface(Func<GrainId, IGrainCallInvoker, GrainReference> CreateProxy, IReadOnlyList<GrainMethod> Methods);
}
