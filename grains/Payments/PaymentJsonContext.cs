using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderEngine.Grains.Payments;

/// <summary>Source-generated JSON for the payment service's messages (camelCase, web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChargeRequestBody))]
[JsonSerializable(typeof(ChargeResponseBody))]
internal sealed partial class PaymentJsonContext : JsonSerializerContext;
