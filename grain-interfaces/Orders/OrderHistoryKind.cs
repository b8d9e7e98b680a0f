using System.Text.Json.Serialization;

namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>What a history entry records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderHistoryKind>))]
public enum OrderHistoryKind
{
    /// <summary>The order was recorded (it starts in Pending).</summary>
    Created,

    /// <summary>A move of the transition table.</summary>
    Transition,

    /// <summary>The lines were replaced.</summary>
    Amended,

    /// <summary>New lines were refused; the old ones stayed.</summary>
    AmendmentRejected,
}
