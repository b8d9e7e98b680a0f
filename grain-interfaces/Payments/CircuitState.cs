using System.Text.Json.Serialization;

namespace OrderEngine.GrainInterfaces.Payments;

/// <summary>The payment circuit breaker's state. The numbers are the seed's metric values (0 closed, 1 open, 2 half-open); isolated reads as open (1).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CircuitState>))]
public enum CircuitState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,

    /// <summary>Held open by an operator until reset.</summary>
    Isolated = 3,
}
