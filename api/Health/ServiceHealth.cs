using System.Text.Json.Serialization;

namespace OrderEngine.Api.Health;

/// <summary>
/// <c>GET /health</c> in the runbook's shape (seed 002): overall status, each dependency true or false,
/// and the payment circuit breaker's state.
/// </summary>
public sealed record ServiceHealth(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("storage")] bool Storage,
    [property: JsonPropertyName("payments")] bool Payments,
    [property: JsonPropertyName("streams")] bool Streams,
    [property: JsonPropertyName("circuit_breaker_state")] string CircuitBreakerState,
    [property: JsonPropertyName("maintenance_mode")] bool MaintenanceMode,
    [property: JsonPropertyName("details")] IReadOnlyDictionary<string, string> Details);
