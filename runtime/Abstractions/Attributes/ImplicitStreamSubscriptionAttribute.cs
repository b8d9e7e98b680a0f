namespace OrderEngine.Runtime;

/// <summary>
/// Every stream in <see cref="Namespace"/> delivers to the grain of this class whose key is the stream key.
/// The grain class must implement <c>IStreamSubscriberGrain</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string @namespace) : Attribute
{
    public string Namespace { get; } = @namespace;
}
