using OrderEngine.Runtime.Transport;

namespace OrderEngine.Runtime.Tests.Transport;

internal sealed record ReceivedFrame(SiloConnection Connection, byte[] Payload);
