using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Grains.Skus;
using OrderEngine.Grains.Tests.Support;

namespace OrderEngine.Grains.Tests.Skus;

public sealed class SkuGrainTests
{
    [Fact]
    public async Task A_reservation_takes_stock_and_commit_and_release_move_it_to_sold_and_back()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 10, price: 2.5m);
        var grain = silo.Sku(sku);

        Assert.Equal(new ReserveResult(sku, ReserveOutcome.Reserved, 3, 7, 2.5m), await grain.Reserve("o1", 3, "c1"));
        Assert.Equal(new ReserveResult(sku, ReserveOutcome.Reserved, 2, 5, 2.5m), await grain.Reserve("o2", 2, "c2"));
        await grain.Commit("o1");
        await grain.Release("o2");

        Assert.Equal(new SkuSnapshot(sku, true, 10, 7, 0, 3, 2.5m, null, null, null, 0), await grain.GetSnapshot());
    }

    [Fact]
    public async Task A_repeated_reservation_answers_the_same_without_taking_again_or_writing()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 5);
        var grain = silo.Sku(sku);
        var first = await grain.Reserve("o1", 2, "c1");
        var writes = silo.Storage.WritesOf(SkuGrain.StateName, "sku", sku);

        var again = await grain.Reserve("o1", 2, "c1");

        Assert.Equal(new ReserveResult(sku, ReserveOutcome.Reserved, 2, 3, 10m), again);
        Assert.Equal(first, again);
        Assert.Equal(writes, silo.Storage.WritesOf(SkuGrain.StateName, "sku", sku));
        Assert.Equal((3, 2, 0), await Counts(grain));
    }

    [Fact]
    public async Task A_repeat_with_another_quantity_is_a_typed_conflict()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 5);
        await silo.Sku(sku).Reserve("o1", 2, "c1");

        var error = await Assert.ThrowsAsync<ReservationConflictException>(() => silo.Sku(sku).Reserve("o1", 3, "c1"));

        Assert.Equal((sku, "o1", 2, 3), (error.Sku, error.OrderId, error.HeldQuantity, error.RequestedQuantity));
    }

    [Fact]
    public async Task Sold_out_and_other_refusals_are_answered_without_a_storage_write()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 3, limit: 2);
        var grain = silo.Sku(sku);
        await grain.Reserve("o1", 2, "c1");
        await grain.Reserve("o2", 1, "c2");
        var writes = silo.Storage.WritesOf(SkuGrain.StateName, "sku", sku);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(ReserveOutcome.SoldOut, (await grain.Reserve($"late-{i}", 1, $"c{i}")).Outcome);
        }

        Assert.Equal(writes, silo.Storage.WritesOf(SkuGrain.StateName, "sku", sku));
        Assert.Equal(3, writes);
    }

    [Fact]
    public async Task Every_refusal_is_a_typed_outcome()
    {
        await using var silo = await OrderSilo.StartAsync();
        var now = silo.Clock.GetUtcNow();
        var open = await silo.DefineSkuAsync(stock: 4, limit: 3);
        var later = await silo.DefineSkuAsync(stock: 4, start: now.AddMinutes(5));
        var over = await silo.DefineSkuAsync(stock: 4, end: now);

        Assert.Equal(ReserveOutcome.NotDefined, (await silo.Sku(OrderSilo.NewKey("sku")).Reserve("o", 1, "c")).Outcome);
        Assert.Equal(ReserveOutcome.SaleNotStarted, (await silo.Sku(later).Reserve("o", 1, "c")).Outcome);
        Assert.Equal(ReserveOutcome.SaleEnded, (await silo.Sku(over).Reserve("o", 1, "c")).Outcome);
        Assert.Equal(ReserveOutcome.LimitExceeded, (await silo.Sku(open).Reserve("o1", 4, "c")).Outcome);
        Assert.Equal(ReserveOutcome.Reserved, (await silo.Sku(open).Reserve("o2", 3, "c")).Outcome);
        Assert.Equal(ReserveOutcome.InsufficientStock, (await silo.Sku(open).Reserve("o3", 2, "d")).Outcome);
        Assert.Equal(ReserveOutcome.LimitExceeded, (await silo.Sku(open).Reserve("o4", 1, "c")).Outcome);
        Assert.Equal(ReserveOutcome.Reserved, (await silo.Sku(open).Reserve("o5", 1, "d")).Outcome);
        Assert.Equal(ReserveOutcome.SoldOut, (await silo.Sku(open).Reserve("o6", 1, "e")).Outcome);
    }

    [Fact]
    public async Task The_sale_window_opens_and_closes_on_the_clock()
    {
        await using var silo = await OrderSilo.StartAsync();
        var now = silo.Clock.GetUtcNow();
        var sku = await silo.DefineSkuAsync(stock: 10, start: now.AddMinutes(1), end: now.AddMinutes(2));

        Assert.Equal(ReserveOutcome.SaleNotStarted, (await silo.Sku(sku).Reserve("o1", 1, "c")).Outcome);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ReserveOutcome.Reserved, (await silo.Sku(sku).Reserve("o2", 1, "c")).Outcome);
        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ReserveOutcome.SaleEnded, (await silo.Sku(sku).Reserve("o3", 1, "c")).Outcome);
    }

    [Fact]
    public async Task Releasing_gives_the_customer_its_limit_back_and_committing_does_not()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 10, limit: 2);
        var grain = silo.Sku(sku);
        await grain.Reserve("o1", 2, "c");
        await grain.Release("o1");
        await grain.Reserve("o2", 2, "c");
        await grain.Commit("o2");

        Assert.Equal(ReserveOutcome.LimitExceeded, (await grain.Reserve("o3", 1, "c")).Outcome);
        Assert.Equal(ReserveOutcome.Reserved, (await grain.Reserve("o4", 2, "other")).Outcome);
    }

    [Fact]
    public async Task Commit_or_release_of_an_unknown_order_is_a_typed_exception()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 1);

        var commit = await Assert.ThrowsAsync<ReservationNotFoundException>(() => silo.Sku(sku).Commit("nobody"));
        var release = await Assert.ThrowsAsync<ReservationNotFoundException>(() => silo.Sku(sku).Release("nobody"));

        Assert.Equal((sku, "nobody"), (commit.Sku, commit.OrderId));
        Assert.Equal((sku, "nobody"), (release.Sku, release.OrderId));
    }

    [Fact]
    public async Task Redefining_adjusts_stock_and_terms_but_never_below_reserved_plus_sold()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 10, price: 5m);
        var grain = silo.Sku(sku);
        await grain.Reserve("o1", 3, "c");
        await grain.Reserve("o2", 2, "c");
        await grain.Commit("o2");

        var error = await Assert.ThrowsAsync<InvalidSaleDefinitionException>(() => grain.Define(new SaleDefinition(4, 5m)));
        var redefined = await grain.Define(new SaleDefinition(5, 7m, PerCustomerLimit: 4));
        var restocked = await grain.Restock(20);

        Assert.Equal("stock 4 is below the 5 unit(s) already reserved or sold.", error.Reason);
        Assert.Equal(new SkuSnapshot(sku, true, 5, 0, 3, 2, 7m, 4, null, null, 1), redefined);
        Assert.Equal((25, 20), (restocked.Stock, restocked.Available));
        Assert.Equal(ReserveOutcome.LimitExceeded, (await grain.Reserve("o3", 2, "c")).Outcome);
    }

    [Fact]
    public async Task Adjust_takes_or_gives_back_only_the_difference()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 5, limit: 4);
        var grain = silo.Sku(sku);
        await grain.Reserve("o1", 2, "c");

        Assert.Equal(ReserveOutcome.Reserved, (await grain.Adjust("o1", 4)).Outcome);
        Assert.Equal(ReserveOutcome.LimitExceeded, (await grain.Adjust("o1", 5)).Outcome);
        Assert.Equal(ReserveOutcome.Reserved, (await grain.Adjust("o1", 1)).Outcome);
        Assert.Equal((4, 1, 0), await Counts(grain));
        await Assert.ThrowsAsync<ReservationNotFoundException>(() => grain.Adjust("nobody", 1));
    }

    [Fact]
    public async Task Concurrent_reservations_never_oversell_and_share_writes()
    {
        await using var silo = await OrderSilo.StartAsync();
        var sku = await silo.DefineSkuAsync(stock: 500);
        var grain = silo.Sku(sku);

        var results = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => grain.Reserve($"o{i}", 1, $"c{i % 97}")));

        Assert.Equal(500, results.Count(r => r.IsReserved));
        Assert.Equal(1500, results.Count(r => r.Outcome == ReserveOutcome.SoldOut));
        Assert.All(results, r => Assert.True(r.Available >= 0));
        Assert.Equal((0, 500, 0), await Counts(grain));
        Assert.InRange(silo.Storage.WritesOf(SkuGrain.StateName, "sku", sku), 2, 501);
    }

    private static async Task<(int Available, int Reserved, int Sold)> Counts(ISkuGrain grain)
    {
        var snapshot = await grain.GetSnapshot();
        return (snapshot.Available, snapshot.Reserved, snapshot.Sold);
    }
}
