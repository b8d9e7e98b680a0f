namespace OrderEngine.Runtime.Invocation;

/// <summary>Generated on each assembly with grains: names its <see cref="IGrainMetadataProvider"/>.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GrainMetadataProviderAttribute(Type providerType) : Attribute
{
    public Type ProviderType { get; } = providerType;
}
