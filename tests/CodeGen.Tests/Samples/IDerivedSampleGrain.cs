using OrderEngine.Runtime.Reminders;

namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>Inherits another grain interface and <see cref="IRemindable"/>: its proxy implements all of them.</summary>
public interface IDerivedSampleGrain : ISampleGrain, IRemindable
{
    Task<long> CountCalls();
}
