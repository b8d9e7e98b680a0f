using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Orders;

/// <summary>
/// An order's durable state. Changes return new records; status changes go through
/// <see cref="TransitionTo"/>, which consults <see cref="OrderTransitions"/> and appends to the history.
/// </summary>
public sealed record OrderState
{
    /// <summary>Null until the order is placed.</summary>
    public string? CustomerId { get; init; }

    public OrderStatus Status { get; init; }

    /// <summary>The lines of the Place request, kept to recognise a repeated Place.</summary>
    public ImmutableArray<OrderLine> RequestedLines { get; init; } = [];

    /// <summary>The lines whose stock the order holds, with prices.</summary>
    public ImmutableArray<OrderItem> Items { get; init; } = [];

    /// <summary>New lines being applied (written before the SKUs are asked, so a crash mid-amendment is finished on activation).</summary>
    public ImmutableArray<OrderLine>? PendingAmendment { get; init; }

    public StockAction PendingStock { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset StatusSince { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>The refused line when the order failed at placement: a repeated Place answers it again.</summary>
    public OrderRejection? Rejection { get; init; }

    /// <summary>Gateway attempts over every payment run.</summary>
    public int PaymentAttempts { get; init; }

    /// <summary>Re-runs caused by the stuck timeout (bounded by OrdersOptions.MaxProcessingRetries).</summary>
    public int ProcessingRetries { get; init; }

    /// <summary>When the processing timeout is due; an earlier (duplicate) firing is ignored.</summary>
    public DateTimeOffset? ProcessingDeadline { get; init; }

    public string? TransactionId { get; init; }

    public string? TrackingNumber { get; init; }

    public ImmutableArray<OrderHistoryEntry> History { get; init; } = [];

    [JsonIgnore]
    public bool Exists => CustomerId is not null;

    [JsonIgnore]
    public decimal Total => Items.Sum(item => item.LineTotal);

    public static OrderState Create(string customerId, ImmutableArray<OrderLine> lines, DateTimeOffset at) => new()
    {
        CustomerId = customerId,
        Status = OrderStatus.Pending,
        RequestedLines = lines,
        CreatedAt = at,
        UpdatedAt = at,
        StatusSince = at,
        History = [new OrderHistoryEntry(at, OrderHistoryKind.Created, null, OrderStatus.Pending, "order placed")],
    };

    /// <summary>The move to <paramref name="to"/>, recorded in the history; throws if the table does not allow it.</summary>
    public OrderState TransitionTo(string orderId, OrderStatus to, DateTimeOffset at, string reason)
    {
        OrderTransitions.Require(orderId, Status, to);
        return this with
        {
            Status = to,
            StatusSince = at,
            UpdatedAt = at,
            History = History.Add(new OrderHistoryEntry(at, OrderHistoryKind.Transition, Status, to, reason)),
        };
    }

    /// <summary>A history entry that does not change the status (amendments).</summary>
    public OrderState Note(OrderHistoryKind kind, DateTimeOffset at, string reason) => this with
    {
        UpdatedAt = at,
        History = History.Add(new OrderHistoryEntry(at, kind, Status, Status, reason)),
    };

    public OrderSnapshot ToSnapshot(string orderId) => new(
        orderId,
        CustomerId ?? string.Empty,
        Status,
        Items,
        Total,
        CreatedAt,
        UpdatedAt,
        StatusSince,
        FailureReason,
        PaymentAttempts,
        TransactionId,
        TrackingNumber,
        History);
}
