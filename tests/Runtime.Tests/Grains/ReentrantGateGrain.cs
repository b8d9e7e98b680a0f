using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantGateGrain(GrainProbe probe) : GateGrainBase(probe), IReentrantGateGrain;
