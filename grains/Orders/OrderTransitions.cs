using System.Collections.Frozen;
using System.Text;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Grains.Orders;

/// <summary>
/// THE order transition table: every status change of <see cref="OrderGrain"/> is checked here, and
/// docs/orders.md shows the same table (<see cref="ToMarkdown"/>; a test keeps them equal). A new order
/// starts in Pending; Completed, Cancelled and Failed are terminal.
/// </summary>
public static class OrderTransitions
{
    public static IReadOnlyList<OrderTransition> All { get; } =
    [
        new(OrderStatus.Pending, OrderStatus.Reserved, "Place: every line reserved", "each line: available -> reserved"),
        new(OrderStatus.Pending, OrderStatus.Failed, "Place: a SKU refused a line (sold out, insufficient, limit, window, undefined)", "lines already taken are released first"),
        new(OrderStatus.Pending, OrderStatus.Cancelled, "Cancel, or the unpaid timeout of an order interrupted while placing", "anything taken: reserved -> available"),
        new(OrderStatus.Reserved, OrderStatus.Processing, "payment starts: a timer right after Place, or Process", "none (stays reserved)"),
        new(OrderStatus.Reserved, OrderStatus.Cancelled, "Cancel, or the unpaid timeout (15 min)", "reserved -> available"),
        new(OrderStatus.Processing, OrderStatus.Processing, "payment re-run: stuck timeout (30 min, bounded retries) or Process with force", "none"),
        new(OrderStatus.Processing, OrderStatus.Paid, "payment approved", "reserved -> sold (commit)"),
        new(OrderStatus.Processing, OrderStatus.Failed, "payment declined, failed after bounded retries, or stuck retries exhausted; dead letter", "reserved -> available"),
        new(OrderStatus.Paid, OrderStatus.Shipped, "Ship", "none"),
        new(OrderStatus.Shipped, OrderStatus.Completed, "Complete", "none"),
    ];

    private static readonly FrozenDictionary<(OrderStatus From, OrderStatus To), OrderTransition> ByMove =
        All.ToFrozenDictionary(t => (t.From, t.To));

    public static bool IsAllowed(OrderStatus from, OrderStatus to) => ByMove.ContainsKey((from, to));

    /// <summary>The transition, or <see cref="InvalidOrderTransitionException"/> naming the order, from and to.</summary>
    public static OrderTransition Require(string orderId, OrderStatus from, OrderStatus to, string? detail = null) =>
        ByMove.TryGetValue((from, to), out var transition) ? transition : throw new InvalidOrderTransitionException(orderId, from, to, detail);

    /// <summary>The table as Markdown, exactly as docs/orders.md shows it.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| from | to | trigger | stock |\n|---|---|---|---|\n");
        foreach (var transition in All)
        {
            text.Append($"| {transition.From} | {transition.To} | {transition.Trigger} | {transition.Stock} |\n");
        }

        return text.ToString();
    }
}
