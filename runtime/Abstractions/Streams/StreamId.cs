namespace OrderEngine.Runtime.Streams;

/// <summary>Addresses a stream: a namespace (what kind of events) and a key (whose events).</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    public override string ToString() => $"{Namespace}/{Key}";
}
