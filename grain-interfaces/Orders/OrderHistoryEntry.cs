namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>One entry of an order's history: when, what kind, from which status to which, and why.</summary>
public sealed record OrderHistoryEntry(DateTimeOffset At, OrderHistoryKind Kind, OrderStatus? From, OrderStatus To, string Reason);
