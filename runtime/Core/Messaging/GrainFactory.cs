using OrderEngine.Runtime.Activations;

namespace OrderEngine.Runtime.Messaging;

/// <summary>Creates grain references from the generated proxies.</summary>
internal sealed class GrainFactory(GrainTypeManifest manifest, GrainCallInvoker invoker) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        return Create<TGrainInterface>(new GrainId(manifest.GetGrainType(typeof(TGrainInterface)), key));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainId.Create(manifest.GetGrainType(typeof(TGrainInterface)), key));

    public TGrainInterface GetGrain<TGrainInterface>(long key)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainId.Create(manifest.GetGrainType(typeof(TGrainInterface)), key));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain =>
        Create<TGrainInterface>(grainId);

    private TGrainInterface Create<TGrainInterface>(GrainId grainId) =>
        (TGrainInterface)(object)manifest.CreateReference(typeof(TGrainInterface), grainId, invoker);
}
