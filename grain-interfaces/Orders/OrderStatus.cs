using System.Text.Json.Serialization;

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>The states of an order; the allowed moves between them are the order transition table.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    /// <summary>Recorded, its stock being reserved.</summary>
    Pending,

    /// <summary>Every line's stock is held; waiting for payment.</summary>
    Reserved,

    /// <summary>Payment is running.</summary>
    Processing,

    /// <summary>Paid; the reserved stock is sold.</summary>
    Paid,

    Shipped,

    /// <summary>Terminal.</summary>
    Completed,

    /// <summary>Terminal: cancelled before payment; stock released.</summary>
    Cancelled,

    /// <summary>Terminal: rejected when placed, or payment failed; stock released.</summary>
    Failed,
}
