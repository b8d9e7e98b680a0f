using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Grains.Orders;

namespace OrderEngine.Grains.Tests.Orders;

public sealed class OrderTransitionTableTests
{
    /// <summary>The specification, written out independently of the table.</summary>
    private static readonly HashSet<(OrderStatus, OrderStatus)> Allowed =
    [
        (OrderStatus.Pending, OrderStatus.Reserved),
        (OrderStatus.Pending, OrderStatus.Failed),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Reserved, OrderStatus.Processing),
        (OrderStatus.Reserved, OrderStatus.Cancelled),
        (OrderStatus.Processing, OrderStatus.Processing),
        (OrderStatus.Processing, OrderStatus.Paid),
        (OrderStatus.Processing, OrderStatus.Failed),
        (OrderStatus.Paid, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Completed),
    ];

    public static TheoryData<OrderStatus, OrderStatus> AllPairs()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_move_is_allowed_exactly_when_the_table_lists_it_and_otherwise_throws_with_from_to_and_order(OrderStatus from, OrderStatus to)
    {
        var allowed = Allowed.Contains((from, to));

        Assert.Equal(allowed, OrderTransitions.IsAllowed(from, to));
        if (allowed)
        {
            Assert.Equal((from, to), (OrderTransitions.Require("order-7", from, to).From, OrderTransitions.Require("order-7", from, to).To));
        }
        else
        {
            var error = Assert.Throws<InvalidOrderTransitionException>(() => OrderTransitions.Require("order-7", from, to));
            Assert.Equal(("order-7", from, to), (error.OrderId, error.From, error.To));
            Assert.Equal($"Order order-7 cannot move from {from} to {to}.", error.Message);
        }
    }

    [Fact]
    public void The_table_has_one_row_per_allowed_move_and_terminal_states_have_none()
    {
        Assert.Equal(Allowed.Count, OrderTransitions.All.Count);
        Assert.Equal(Allowed.Count, OrderTransitions.All.Select(t => (t.From, t.To)).Distinct().Count());
        Assert.DoesNotContain(OrderTransitions.All, t => t.From is OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.Failed);
    }

    [Fact]
    public void Docs_orders_md_shows_the_same_table()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "orders.md"));

        Assert.Contains(OrderTransitions.ToMarkdown(), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Orleans.sln above the test binaries.");
    }
}
