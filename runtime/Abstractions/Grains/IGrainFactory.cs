namespace OrderEngine.Runtime;

/// <summary>Creates references to grains. A reference is cheap; the grain activates on its first call.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;

    TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey;

    TGrainInterface GetGrain<TGrainInterface>(long key)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to an existing identity, for example one read back from storage.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain;
}
