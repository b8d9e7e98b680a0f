using Microsoft.AspNetCore.Http.HttpResults;
using OrderEngine.Api.Problems;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Api.Orders;

/// <summary>Maps a SKU's refusal of an order line to a 409 with a distinct problem type.</summary>
public static class RejectionProblems
{
    public static ProblemHttpResult For(string orderId, OrderRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var (type, title) = rejection.Reason switch
        {
            ReserveOutcome.SoldOut => (ProblemTypes.SoldOut, "Sold out"),
            ReserveOutcome.InsufficientStock => (ProblemTypes.InsufficientStock, "Not enough stock"),
            ReserveOutcome.LimitExceeded => (ProblemTypes.LimitExceeded, "Per-customer limit exceeded"),
            ReserveOutcome.SaleNotStarted => (ProblemTypes.SaleNotStarted, "Sale not started"),
            ReserveOutcome.SaleEnded => (ProblemTypes.SaleEnded, "Sale ended"),
            ReserveOutcome.NotDefined => (ProblemTypes.UnknownSku, "Unknown SKU"),
            _ => (ProblemTypes.Unexpected, "Refused"),
        };
        var status = rejection.Reason == ReserveOutcome.NotDefined ? 422 : 409;
        return Problem.Of(status, type, title, rejection.Message, new Dictionary<string, object?>
        {
            ["orderId"] = orderId,
            ["sku"] = rejection.Sku,
            ["requested"] = rejection.Requested,
            ["available"] = rejection.Available,
        });
    }
}
