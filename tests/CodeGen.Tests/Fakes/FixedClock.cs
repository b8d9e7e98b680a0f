using OrderEngine.Runtime.CodeGen.Tests.Samples;

namespace OrderEngine.Runtime.CodeGen.Tests.Fakes;

public sealed class FixedClock(DateTimeOffset now) : ISampleClock
{
    public DateTimeOffset Now { get; } = now;
}
