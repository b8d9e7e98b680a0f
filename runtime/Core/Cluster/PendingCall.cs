using OrderEngine.Runtime.Membership;
using OrderEngine.Runtime.Messaging;

namespace OrderEngine.Runtime.Cluster;

/// <summary>A call sent to another silo and waiting for its response.</summary>
internal sealed record PendingCall(Message Message, SiloAddress Silo);
