using OrderEngine.Runtime.Invocation;
using OrderEngine.Runtime.Messaging;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>A decoded grain call from another silo.</summary>
internal sealed record InboundRequest(long Id, GrainId Target, GrainRequest Request, CallChain? Chain, int Forwards);
