using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Grains.Skus;

/// <summary>The check half of check-and-take: may <c>quantity</c> more units go to this customer now? Pure.</summary>
public static class SkuRules
{
    /// <param name="state">The SKU now.</param>
    /// <param name="additional">Units to take beyond what the order already holds.</param>
    /// <param name="customerId">Whose units they are.</param>
    /// <param name="now">The sale window is [start, end).</param>
    public static ReserveOutcome Check(SkuState state, int additional, string customerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Defined)
        {
            return ReserveOutcome.NotDefined;
        }

        if (state.SaleStart is { } start && now < start)
        {
            return ReserveOutcome.SaleNotStarted;
        }

        if (state.SaleEnd is { } end && now >= end)
        {
            return ReserveOutcome.SaleEnded;
        }

        if (state.Available <= 0)
        {
            return ReserveOutcome.SoldOut;
        }

        if (state.PerCustomerLimit is { } limit && state.UnitsOf(customerId) + additional > limit)
        {
            return ReserveOutcome.LimitExceeded;
        }

        return additional > state.Available ? ReserveOutcome.InsufficientStock : ReserveOutcome.Reserved;
    }
}
