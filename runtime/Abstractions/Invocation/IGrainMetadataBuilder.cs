namespace OrderEngine.Runtime.Invocation;

/// <summary>Receives what the source generator found in one assembly.</summary>
public interface IGrainMetadataBuilder
{
    void AddInterface(Type interfaceType, Func<GrainId, IGrainCallInvoker, GrainReference> createProxy, IReadOnlyList<GrainMethod> methods);

    void AddGrainClass(Type grainClass, Func<IGrainActivationContext, Grain> create);
}
