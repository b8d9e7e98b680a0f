using System.Text.Json.Serialization;

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>What happened to an order, as published on the order-events stream.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderEventKind>))]
public enum OrderEventKind
{
    Created,
    Reserved,
    Rejected,
    PaymentStarted,
    PaymentRetried,
    Paid,
    PaymentFailed,
    Cancelled,
    Amended,
    Shipped,
    Completed,
}
