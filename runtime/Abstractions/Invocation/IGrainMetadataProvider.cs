namespace OrderEngine.Runtime.Invocation;

/// <summary>Implemented by generated code, once per assembly that declares grain interfaces or classes.</summary>
public interface IGrainMetadataProvider
{
    void Populate(IGrainMetadataBuilder builder);
}
