namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>Persistent state of <see cref="SampleGrain"/>.</summary>
public sealed record SampleState
{
    public int Total { get; init; }

    public long Calls { get; init; }
}
