using Microsoft.Extensions.Logging;
using OrderEngine.GrainInterfaces.Skus;
using OrderEngine.Runtime.Persistence;

namespace OrderEngine.Grains.Skus;

/// <summary>
/// A flash-sale SKU. Reentrant: each call does its check-and-take synchronously, before its first await,
/// so it is atomic; then it awaits the write, and concurrent calls' writes coalesce into one (group
/// commit). Answers that change nothing (sold out, limit, window, repeats) never write.
/// </summary>
[Reentrant]
[GrainType("sku")]
public sealed class SkuGrain(
    [PersistentState(SkuGrain.StateName, OrderStorage.Name)] IPersistentState<SkuState> state,
    ILogger<SkuGrain> logger,
    InventoryLevels inventory) : Grain, ISkuGrain
{
    public const string StateName = "sku";

    /// <summary>The last write asked for: it carries every change made so far, so a repeat waits on it to answer only durable facts.</summary>
    private Task _latestWrite = Task.CompletedTask;

    private string Sku => GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Defined)
        {
            inventory.Report(Sku, state.State.Available);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        inventory.Forget(Sku);
        return Task.CompletedTask;
    }

    public async Task<SkuSnapshot> Define(SaleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var current = state.State;
        var held = current.Reserved + current.Sold;
        if (definition.Stock < held)
        {
            throw new InvalidSaleDefinitionException(Sku, $"stock {definition.Stock} is below the {held} unit(s) already reserved or sold.");
        }

        ValidateTerms(definition);
        state.State = current.Redefine(definition);
        await Persist();
        SkuLog.Defined(logger, Sku, definition.Stock, definition.Price, definition.PerCustomerLimit);
        return state.State.ToSnapshot(Sku);
    }

    public async Task<SkuSnapshot> Restock(int quantity)
    {
        if (quantity <= 0)
        {
            throw new InvalidSaleDefinitionException(Sku, $"a restock adds a positive number of units, not {quantity}.");
        }

        var current = state.State;
        if (!current.Defined)
        {
            throw new InvalidSaleDefinitionException(Sku, "no sale is defined; define it before restocking.");
        }

        state.State = current with { Stock = checked(current.Stock + quantity) };
        await Persist();
        SkuLog.Restocked(logger, Sku, quantity, state.State.Stock);
        return state.State.ToSnapshot(Sku);
    }

    public async Task<ReserveResult> Reserve(string orderId, int quantity, string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var current = state.State;
        if (current.Pending.TryGetValue(orderId, out var held))
        {
            if (held.Quantity != quantity || !string.Equals(held.CustomerId, customerId, StringComparison.Ordinal))
            {
                throw new ReservationConflictException(Sku, orderId, held.Quantity, quantity);
            }

            await _latestWrite;
            return Result(ReserveOutcome.Reserved, quantity);
        }

        var outcome = SkuRules.Check(current, quantity, customerId, TimeProvider.GetUtcNow());
        if (outcome != ReserveOutcome.Reserved)
        {
            SkuLog.Refused(logger, Sku, orderId, quantity, outcome, current.Available);
            return Result(outcome, quantity);
        }

        state.State = current.Take(orderId, customerId, quantity, TimeProvider.GetUtcNow());
        var result = Result(ReserveOutcome.Reserved, quantity);
        await Persist();
        return result;
    }

    public async Task<ReserveResult> Adjust(string orderId, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var current = state.State;
        var held = Held(current, orderId);
        if (quantity == held.Quantity)
        {
            await _latestWrite;
            return Result(ReserveOutcome.Reserved, quantity);
        }

        if (quantity > held.Quantity)
        {
            var outcome = SkuRules.Check(current, quantity - held.Quantity, held.CustomerId, TimeProvider.GetUtcNow());
            if (outcome != ReserveOutcome.Reserved)
            {
                SkuLog.Refused(logger, Sku, orderId, quantity, outcome, current.Available);
                return Result(outcome, quantity);
            }
        }

        state.State = current.Resize(orderId, held, quantity);
        var result = Result(ReserveOutcome.Reserved, quantity);
        await Persist();
        return result;
    }

    public Task Commit(string orderId)
    {
        var current = state.State;
        state.State = current.CommitReservation(orderId, Held(current, orderId));
        return Persist();
    }

    public Task Release(string orderId)
    {
        var current = state.State;
        state.State = current.ReleaseReservation(orderId, Held(current, orderId));
        return Persist();
    }

    public Task<SkuSnapshot> GetSnapshot() => Task.FromResult(state.State.ToSnapshot(Sku));

    private SkuReservation Held(SkuState current, string orderId) =>
        current.Pending.TryGetValue(orderId, out var held) ? held : throw new ReservationNotFoundException(Sku, orderId);

    private ReserveResult Result(ReserveOutcome outcome, int quantity) =>
        new(Sku, outcome, quantity, state.State.Available, state.State.Price);

    private Task Persist()
    {
        inventory.Report(Sku, state.State.Available);
        return _latestWrite = state.WriteStateAsync();
    }

    private void ValidateTerms(SaleDefinition definition)
    {
        if (definition.Price < 0)
        {
            throw new InvalidSaleDefinitionException(Sku, $"price {definition.Price} is negative.");
        }

        if (definition.PerCustomerLimit is <= 0)
        {
            throw new InvalidSaleDefinitionException(Sku, $"a per-customer limit must be positive, not {definition.PerCustomerLimit}.");
        }

        if (definition is { SaleStart: { } start, SaleEnd: { } end } && end <= start)
        {
            throw new InvalidSaleDefinitionException(Sku, $"the sale ends ({end:O}) before it starts ({start:O}).");
        }
    }
}
