using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Orders;

/// <summary>One allowed move of the order state machine: what triggers it and what it does to stock.</summary>
public sealed record OrderTransition(OrderStatus From, OrderStatus To, string Trigger, string Stock);
