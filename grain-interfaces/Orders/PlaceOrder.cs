namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>Places an order: the customer and its lines (distinct SKUs, positive quantities).</summary>
public sealed record PlaceOrder(string CustomerId, IReadOnlyList<OrderLine> Lines);
