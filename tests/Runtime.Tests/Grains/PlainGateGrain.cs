using OrderEngine.Runtime.Tests.Support;

namespace OrderEngine.Runtime.Tests.Grains;

public sealed class PlainGateGrain(GrainProbe probe) : GateGrainBase(probe), IPlainGateGrain;
