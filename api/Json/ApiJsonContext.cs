using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OrderEngine.Api.Admin;
using OrderEngine.Api.Health;
using OrderEngine.Api.Orders;
using OrderEngine.Api.Skus;
using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.GrainInterfaces.Skus;

namespace OrderEngine.Api.Json;

/// <summary>Source-generated JSON for every request and response body of the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(AmendOrderRequest))]
[JsonSerializable(typeof(OrderActionRequest))]
[JsonSerializable(typeof(DefineSaleRequest))]
[JsonSerializable(typeof(MaintenanceRequest))]
[JsonSerializable(typeof(ProcessOrderRequest))]
[JsonSerializable(typeof(OrderSnapshot))]
[JsonSerializable(typeof(SkuSnapshot))]
[JsonSerializable(typeof(MaintenanceStatus))]
[JsonSerializable(typeof(IReadOnlyList<OrderSummary>))]
[JsonSerializable(typeof(ScalingHint))]
[JsonSerializable(typeof(ClusterReport))]
[JsonSerializable(typeof(ServiceHealth))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
