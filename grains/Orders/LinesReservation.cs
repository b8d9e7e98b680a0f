using System.Collections.Immutable;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Orders;

/// <summary>What reserving (or amending) a set of lines across SKUs gave: the held items, or the first refusal (then nothing new is held).</summary>
public sealed record LinesReservation(ImmutableArray<OrderItem> Items, OrderRejection? Rejection);
