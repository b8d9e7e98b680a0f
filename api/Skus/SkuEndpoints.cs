using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderEngine.Api.Problems;
using OrderEngine.Api.Validation;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Api.Skus;

/// <summary>Flash sales: define or restock (admin) and read a SKU's stock.</summary>
public static class SkuEndpoints
{
    public const int MaxStock = 100_000_000;
    public const decimal MaxPrice = 1_000_000m;

    public static IEndpointRouteBuilder MapSkuEndpoints(this IEndpointRouteBuilder endpoints, RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        endpoints.MapGroup("/skus").WithTags("SKUs").MapGet("/{sku}", GetSku).WithName(nameof(GetSku));
        admin.MapPut("/skus/{sku}", DefineSale).WithName(nameof(DefineSale));
        return endpoints;
    }

    public static async Task<Results<Ok<SkuSnapshot>, ProblemHttpResult>> GetSku(string sku, IGrainFactory grains)
    {
        if (!Ids.IsValid(sku))
        {
            return Problem.Of(400, ProblemTypes.Validation, "Invalid SKU", $"A SKU must be {Ids.Rule}.");
        }

        var snapshot = await grains.GetGrain<ISkuGrain>(sku).GetSnapshot();
        return snapshot.Defined
            ? TypedResults.Ok(snapshot)
            : Problem.Of(404, ProblemTypes.SkuNotFound, "SKU not found", $"No flash sale is defined for SKU {sku}.");
    }

    public static async Task<Results<Ok<SkuSnapshot>, ValidationProblem, ProblemHttpResult>> DefineSale(string sku, [FromBody] DefineSaleRequest? request, IGrainFactory grains)
    {
        var errors = Validate(sku, request);
        if (errors.Any)
        {
            return Problem.Invalid(errors.ToDictionary());
        }

        var definition = new SaleDefinition((int)request!.Stock!.Value, request.Price!.Value, (int?)request.PerCustomerLimit, request.SaleStartsAt, request.SaleEndsAt);
        return TypedResults.Ok(await grains.GetGrain<ISkuGrain>(sku).Define(definition));
    }

    private static ValidationErrors Validate(string sku, DefineSaleRequest? request)
    {
        var errors = new ValidationErrors();
        errors.RequireId("sku", sku);
        if (request is null)
        {
            errors.Add("body", "is required");
            return errors;
        }

        if (request.Stock is not { } stock || stock < 0 || stock > MaxStock)
        {
            errors.Add("stock", $"is required, between 0 and {MaxStock}");
        }

        if (request.Price is not { } price || price <= 0 || price > MaxPrice || decimal.Round(price, 2) != price)
        {
            errors.Add("price", $"is required, above 0 and at most {MaxPrice}, with at most 2 decimals");
        }

        if (request.PerCustomerLimit is { } limit && (limit < 1 || limit > MaxStock))
        {
            errors.Add("perCustomerLimit", $"must be between 1 and {MaxStock} when given");
        }

        if (request.SaleStartsAt is { } start && request.SaleEndsAt is { } end && end <= start)
        {
            errors.Add("saleEndsAt", "must be after saleStartsAt");
        }

        return errors;
    }
}
