using System.Collections.Immutable;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Orders;

/// <summary>Validation and comparison of order lines. Pure.</summary>
public static class OrderLines
{
    /// <summary>The lines as an immutable array, or <see cref="InvalidOrderException"/> saying what is wrong.</summary>
    public static ImmutableArray<OrderLine> Validate(string orderId, string? customerId, IReadOnlyList<OrderLine>? lines, int maxLines)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            throw new InvalidOrderException(orderId, "a customer id is required.");
        }

        if (lines is null || lines.Count == 0)
        {
            throw new InvalidOrderException(orderId, "an order needs at least one line.");
        }

        if (lines.Count > maxLines)
        {
            throw new InvalidOrderException(orderId, $"an order has at most {maxLines} lines, not {lines.Count}.");
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line is null || string.IsNullOrWhiteSpace(line.Sku))
            {
                throw new InvalidOrderException(orderId, "every line needs a SKU.");
            }

            if (line.Quantity <= 0)
            {
                throw new InvalidOrderException(orderId, $"SKU {line.Sku}: quantity must be positive, not {line.Quantity}.");
            }

            if (!skus.Add(line.Sku))
            {
                throw new InvalidOrderException(orderId, $"SKU {line.Sku} appears on more than one line.");
            }
        }

        return [.. lines];
    }

    /// <summary>The same SKUs with the same quantities, in any order.</summary>
    public static bool SameLines(IReadOnlyCollection<OrderLine> left, IReadOnlyCollection<OrderLine> right) =>
        left.Count == right.Count && left.All(line => right.Any(other => other.Sku == line.Sku && other.Quantity == line.Quantity));

    public static bool SameLines(ImmutableArray<OrderItem> items, ImmutableArray<OrderLine> lines) =>
        SameLines(items.Select(item => new OrderLine(item.Sku, item.Quantity)).ToArray(), lines);
}
