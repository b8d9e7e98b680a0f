using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrderEngine.Api.Maintenance;
using OrderEngine.Api.Problems;
using OrderEngine.Api.Validation;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Runtime.Diagnostics;

namespace OrderEngine.Api.Admin;

/// <summary>Operator endpoints from the runbooks; <see cref="AdminTokenMiddleware"/> guards them all.</summary>
public static class AdminEndpoints
{
    public const int MaxMessageLength = 500;

    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup(AdminTokenMiddleware.PathPrefix).WithTags("Admin");
        admin.MapPost("/maintenance", SetMaintenance).WithName(nameof(SetMaintenance));
        admin.MapGet("/maintenance", GetMaintenance).WithName(nameof(GetMaintenance));
        admin.MapGet("/orders/stuck", GetStuckOrders).WithName(nameof(GetStuckOrders));
        admin.MapGet("/orders/recent", GetRecentOrders).WithName(nameof(GetRecentOrders));
        admin.MapPost("/orders/process", ProcessOrder).WithName(nameof(ProcessOrder));
        admin.MapGet("/scaling-hints", GetScalingHints).WithName(nameof(GetScalingHints));
        admin.MapGet("/cluster", GetCluster).WithName(nameof(GetCluster));
        return admin;
    }

    public static async Task<Results<Ok<MaintenanceStatus>, ValidationProblem>> SetMaintenance([FromBody] MaintenanceRequest? request, MaintenanceGate maintenance)
    {
        var errors = new ValidationErrors();
        if (request?.MaintenanceMode is null)
        {
            errors.Add("maintenanceMode", "is required (true or false)");
        }

        if (request?.Message is { Length: > MaxMessageLength })
        {
            errors.Add("message", $"may be at most {MaxMessageLength} characters");
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors.ToDictionary());
        }

        return TypedResults.Ok(await maintenance.SetAsync(new MaintenanceChange(request!.MaintenanceMode!.Value, request.Message, "admin")));
    }

    public static async Task<Ok<MaintenanceStatus>> GetMaintenance(MaintenanceGate maintenance) => TypedResults.Ok(await maintenance.GetAsync());

    public static async Task<Results<Ok<IReadOnlyList<OrderSummary>>, ValidationProblem>> GetStuckOrders(
        IGrainFactory grains, IOptions<ApiOptions> options, int? processingOlderThanMinutes = null, int? reservedOlderThanMinutes = null, int? limit = null)
    {
        var errors = new ValidationErrors();
        CheckRange(errors, "processingOlderThanMinutes", processingOlderThanMinutes, 0, 7 * 24 * 60);
        CheckRange(errors, "reservedOlderThanMinutes", reservedOlderThanMinutes, 0, 7 * 24 * 60);
        CheckRange(errors, "limit", limit, 1, options.Value.MaxListCount);
        if (errors.Any)
        {
            return Problem.Invalid(errors.ToDictionary());
        }

        var query = new StuckOrdersQuery(
            processingOlderThanMinutes is { } p ? TimeSpan.FromMinutes(p) : null,
            reservedOlderThanMinutes is { } r ? TimeSpan.FromMinutes(r) : null,
            limit ?? 100);
        return TypedResults.Ok(await grains.GetGrain<IOrderIndexGrain>(0).GetStuck(query));
    }

    public static async Task<Results<Ok<IReadOnlyList<OrderSummary>>, ValidationProblem>> GetRecentOrders(IGrainFactory grains, IOptions<ApiOptions> options, int? limit = null)
    {
        var errors = new ValidationErrors();
        CheckRange(errors, "limit", limit, 1, options.Value.MaxListCount);
        return errors.Any
            ? Problem.Invalid(errors.ToDictionary())
            : TypedResults.Ok(await grains.GetGrain<IOrderIndexGrain>(0).GetRecent(limit ?? 10));
    }

    public static async Task<Results<Ok<OrderSnapshot>, ValidationProblem>> ProcessOrder([FromBody] ProcessOrderRequest? request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.RequireId("orderId", request?.OrderId);
        if (errors.Any)
        {
            return Problem.Invalid(errors.ToDictionary());
        }

        var order = grains.GetGrain<IOrderGrain>(request!.OrderId!);
        return TypedResults.Ok(request.Force == true
            ? await grains.GetGrain<IOrderIndexGrain>(0).ForceProcess(request.OrderId!)
            : await order.Process(force: false));
    }

    /// <summary>Every live silo: address, membership status, start time, activations, calls/s, CPU (seed 000's "what runs where").</summary>
    public static async Task<Ok<ClusterReport>> GetCluster(IClusterStatistics statistics, CancellationToken cancellationToken)
    {
        var silos = await statistics.ReadAsync(cancellationToken);
        return TypedResults.Ok(new ClusterReport(silos.Count(s => s.Status == "Active"), silos));
    }

    public static async Task<Results<Ok<ScalingHint>, ValidationProblem>> GetScalingHints(IGrainFactory grains, int? currentSilos = null)
    {
        var errors = new ValidationErrors();
        CheckRange(errors, "currentSilos", currentSilos, 1, 1000);
        return errors.Any
            ? Problem.Invalid(errors.ToDictionary())
            : TypedResults.Ok(await grains.GetGrain<IScalingHintsGrain>(0).GetHint(currentSilos ?? 0));
    }

    private static void CheckRange(ValidationErrors errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, $"must be between {min} and {max}");
        }
    }
}
