using OrderEngine.Api.Validation;
using OrderEngine.GrainInterfaces.Orders;

namespace OrderEngine.Api.Orders;

/// <summary>Checks order requests field by field and turns valid ones into grain commands.</summary>
public static class OrderRequestValidator
{
    public const int MaxReasonLength = 500;

    public static ValidationErrors Validate(PlaceOrderRequest? request, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidationErrors();
        if (request is null)
        {
            errors.Add("body", "is required");
            return errors;
        }

        errors.RequireId("customerId", request.CustomerId);
        ValidateLines(request.Items, options, errors);
        return errors;
    }

    public static ValidationErrors Validate(AmendOrderRequest? request, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidationErrors();
        if (request is null)
        {
            errors.Add("body", "is required");
            return errors;
        }

        ValidateLines(request.Items, options, errors);
        ValidateText("reason", request.Reason, errors);
        return errors;
    }

    public static ValidationErrors Validate(OrderActionRequest? request)
    {
        var errors = new ValidationErrors();
        ValidateText("reason", request?.Reason, errors);
        ValidateText("trackingNumber", request?.TrackingNumber, errors);
        return errors;
    }

    /// <summary>The lines of a request that passed validation.</summary>
    public static IReadOnlyList<OrderLine> Lines(IReadOnlyList<OrderLineRequest?> items) =>
        [.. items.Select(item => new OrderLine(item!.Sku!, (int)item.Quantity!.Value))];

    private static void ValidateLines(IReadOnlyList<OrderLineRequest?>? items, ApiOptions options, ValidationErrors errors)
    {
        if (items is null || items.Count == 0)
        {
            errors.Add("items", "must hold at least one line");
            return;
        }

        if (items.Count > options.MaxLinesPerOrder)
        {
            errors.Add("items", $"may hold at most {options.MaxLinesPerOrder} lines");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                errors.Add($"items[{i}]", "is required");
                continue;
            }

            errors.RequireId($"items[{i}].sku", item.Sku);
            if (item.Sku is not null && !seen.Add(item.Sku))
            {
                errors.Add($"items[{i}].sku", $"SKU {item.Sku} appears twice; put the whole quantity on one line");
            }

            if (item.Quantity is null)
            {
                errors.Add($"items[{i}].quantity", "is required");
            }
            else if (item.Quantity < 1 || item.Quantity > options.MaxQuantityPerLine)
            {
                errors.Add($"items[{i}].quantity", $"must be between 1 and {options.MaxQuantityPerLine}");
            }
        }
    }

    private static void ValidateText(string field, string? value, ValidationErrors errors)
    {
        if (value is { Length: > MaxReasonLength })
        {
            errors.Add(field, $"may be at most {MaxReasonLength} characters");
        }
        else if (value is not null && value.Any(char.IsControl))
        {
            errors.Add(field, "may not contain control characters");
        }
    }
}
