using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrderEngine.Api.Maintenance;
using OrderEngine.Api.Problems;
using OrderEngine.Api.RateLimiting;
using OrderEngine.Api.Validation;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Api.Orders;

/// <summary>Orders: place (idempotent with Idempotency-Key), read, cancel, amend, ship, complete.</summary>
public static class OrderEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/orders").WithTags("Orders");
        orders.MapPost("/", PlaceOrder).WithName(nameof(PlaceOrder));
        orders.MapGet("/{orderId}", GetOrder).WithName(nameof(GetOrder));
        orders.MapPost("/{orderId}/cancel", CancelOrder).WithName(nameof(CancelOrder));
        orders.MapPost("/{orderId}/amend", AmendOrder).WithName(nameof(AmendOrder));
        orders.MapPost("/{orderId}/ship", ShipOrder).WithName(nameof(ShipOrder));
        orders.MapPost("/{orderId}/complete", CompleteOrder).WithName(nameof(CompleteOrder));
        return endpoints;
    }

    public static async Task<Results<Created<OrderSnapshot>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        [FromBody] PlaceOrderRequest? request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        IGrainFactory grains,
        MaintenanceGate maintenance,
        CustomerRateLimiter rateLimiter,
        GatewayMetrics metrics,
        OrderRequestLog log,
        IOptions<ApiOptions> options,
        HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.Received();
        var result = await PlaceOrderCore(request, idempotencyKey, grains, maintenance, rateLimiter, metrics, log, options.Value, context);
        metrics.Duration("POST /orders", result.Result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 0, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    public static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> GetOrder(string orderId, IGrainFactory grains)
    {
        if (!Ids.IsValid(orderId))
        {
            return BadOrderId();
        }

        var order = await grains.GetGrain<IOrderGrain>(orderId).GetSnapshot();
        return order is null
            ? Problem.Of(404, ProblemTypes.OrderNotFound, "Order not found", $"Order {orderId} does not exist.")
            : TypedResults.Ok(order);
    }

    public static async Task<Results<Ok<OrderSnapshot>, ValidationProblem, ProblemHttpResult>> CancelOrder(string orderId, [FromBody] OrderActionRequest? request, IGrainFactory grains)
    {
        var errors = OrderRequestValidator.Validate(request);
        if (!Ids.IsValid(orderId))
        {
            return BadOrderId();
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await grains.GetGrain<IOrderGrain>(orderId).Cancel(request?.Reason ?? "cancelled by the customer"));
    }

    public static async Task<Results<Ok<OrderSnapshot>, ValidationProblem, ProblemHttpResult>> AmendOrder(
        string orderId, [FromBody] AmendOrderRequest? request, IGrainFactory grains, IOptions<ApiOptions> options)
    {
        if (!Ids.IsValid(orderId))
        {
            return BadOrderId();
        }

        var errors = OrderRequestValidator.Validate(request, options.Value);
        if (errors.Any)
        {
            return Problem.Invalid(errors.ToDictionary());
        }

        var lines = OrderRequestValidator.Lines(request!.Items!);
        if (await FindUnknownSku(grains, lines) is { } unknown)
        {
            return UnknownSku(unknown);
        }

        var result = await grains.GetGrain<IOrderGrain>(orderId).Amend(new AmendOrder(lines, request.Reason));
        return result.Rejection is { } rejection ? RejectionProblems.For(orderId, rejection) : TypedResults.Ok(result.Order);
    }

    public static async Task<Results<Ok<OrderSnapshot>, ValidationProblem, ProblemHttpResult>> ShipOrder(string orderId, [FromBody] OrderActionRequest? request, IGrainFactory grains)
    {
        if (!Ids.IsValid(orderId))
        {
            return BadOrderId();
        }

        var errors = OrderRequestValidator.Validate(request);
        return errors.Any
            ? Problem.Invalid(errors.ToDictionary())
            : TypedResults.Ok(await grains.GetGrain<IOrderGrain>(orderId).Ship(request?.TrackingNumber));
    }

    public static async Task<Results<Ok<OrderSnapshot>, ProblemHttpResult>> CompleteOrder(string orderId, IGrainFactory grains) =>
        Ids.IsValid(orderId) ? TypedResults.Ok(await grains.GetGrain<IOrderGrain>(orderId).Complete()) : BadOrderId();

    private static async Task<Results<Created<OrderSnapshot>, ValidationProblem, ProblemHttpResult>> PlaceOrderCore(
        PlaceOrderRequest? request, string? idempotencyKey, IGrainFactory grains, MaintenanceGate maintenance, CustomerRateLimiter rateLimiter, GatewayMetrics metrics, OrderRequestLog log, ApiOptions options, HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var status = await maintenance.GetAsync();
        if (status.MaintenanceMode)
        {
            metrics.Failed("maintenance");
            context.Response.Headers.RetryAfter = "60";
            return Problem.Of(503, ProblemTypes.Maintenance, "Maintenance", status.Message ?? "The order service is in maintenance.");
        }

        var errors = OrderRequestValidator.Validate(request, options);
        if (idempotencyKey is not null && !Ids.IsValid(idempotencyKey))
        {
            errors.Add(IdempotencyKeyHeader, $"must be {Ids.Rule}");
        }

        if (errors.Any)
        {
            metrics.ValidationFailed();
            return Problem.Invalid(errors.ToDictionary());
        }

        var customerId = request!.CustomerId!;
        if (rateLimiter.TryAcquire(customerId) is { } retryAfter)
        {
            metrics.Failed("rate_limited");
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.RetryAfter = seconds;
            return Problem.Of(429, ProblemTypes.RateLimited, "Too many orders", $"Customer {customerId} may place at most the configured number of orders per window; retry after {seconds} s.");
        }

        var lines = OrderRequestValidator.Lines(request.Items!);
        if (await FindUnknownSku(grains, lines) is { } unknown)
        {
            metrics.ValidationFailed();
            return UnknownSku(unknown);
        }

        var orderId = idempotencyKey is null ? OrderIds.New() : OrderIds.FromIdempotencyKey(customerId, idempotencyKey);
        PlaceOrderResult placed;
        try
        {
            placed = await grains.GetGrain<IOrderGrain>(orderId).Place(new PlaceOrder(customerId, lines));
        }
        catch (OrderConflictException)
        {
            metrics.IdempotencyRejected();
            throw;
        }

        if (placed.Rejection is { } rejection)
        {
            metrics.Failed(rejection.Reason.ToString());
            log.Refused(orderId, customerId, rejection.Message);
            return RejectionProblems.For(orderId, rejection);
        }

        metrics.Successful();
        log.Accepted(orderId, customerId, lines.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Created($"/orders/{orderId}", placed.Order);
    }

    /// <summary>An order naming a SKU that has no sale is bad input: refused before any order exists.</summary>
    private static async Task<string?> FindUnknownSku(IGrainFactory grains, IReadOnlyList<OrderLine> lines)
    {
        var snapshots = await Task.WhenAll(lines.Select(line => grains.GetGrain<ISkuGrain>(line.Sku).GetSnapshot()));
        return snapshots.FirstOrDefault(s => !s.Defined)?.Sku;
    }

    private static ProblemHttpResult UnknownSku(string sku) =>
        Problem.Of(422, ProblemTypes.UnknownSku, "Unknown SKU", $"No flash sale is defined for SKU {sku}.", new Dictionary<string, object?> { ["sku"] = sku });

    private static ProblemHttpResult BadOrderId() =>
        Problem.Of(400, ProblemTypes.Validation, "Invalid order id", $"An order id must be {Ids.Rule}.");
}
