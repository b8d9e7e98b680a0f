namespace OrderEngine.Grains.Orders;

/// <summary>
/// The order's one durable timeout. It exists while the order can get stuck and means what the order's
/// status says when it fires: the unpaid timeout while Pending or Reserved, the processing timeout
/// while Processing. Moving to Processing moves the same reminder's due time (one write, not a new
/// reminder plus a delete); a settled order removes it.
/// </summary>
public static class OrderReminders
{
    public const string Timeout = "timeout";

    /// <summary>Written by earlier versions, one per state; still handled so upgraded silos honour them.</summary>
    public const string LegacyUnpaidTimeout = "unpaid-timeout";

    /// <summary>Written by earlier versions, one per state; still handled so upgraded silos honour them.</summary>
    public const string LegacyProcessingTimeout = "processing-timeout";
}
