using System.Text.Json.Serialization;

namespace OrderEngine.GrainInterfaces.Skus;

/// <summary>The business answer of a reservation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReserveOutcome>))]
public enum ReserveOutcome
{
    /// <summary>The units are held for the order.</summary>
    Reserved,

    /// <summary>No unit is available.</summary>
    SoldOut,

    /// <summary>Some units are available, but fewer than asked for.</summary>
    InsufficientStock,

    /// <summary>The customer would hold more than the per-customer limit.</summary>
    LimitExceeded,

    /// <summary>Before the sale window opens.</summary>
    SaleNotStarted,

    /// <summary>At or after the end of the sale window.</summary>
    SaleEnded,

    /// <summary>No sale is defined for this SKU.</summary>
    NotDefined,
}
