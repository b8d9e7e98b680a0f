namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>The first byte of every silo-to-silo frame; JSON follows.</summary>
internal enum WireKind : byte
{
    Request = 1,
    Response = 2,
    Ping = 3,
    Pong = 4,
    StatisticsRequest = 5,
    StatisticsResponse = 6,
}
