namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>A service injected into <see cref="SampleGrain"/> from the container.</summary>
public interface ISampleClock
{
    DateTimeOffset Now { get; }
}
