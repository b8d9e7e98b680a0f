namespace OrderEngine.Grains.Orders;

/// <summary>Names of the order's durable one-shot reminders; each exists only while the order is in its state.</summary>
public static class OrderReminders
{
    /// <summary>Registered when the order is placed; cancels it if still Pending or Reserved when due.</summary>
    public const string UnpaidTimeout = "unpaid-timeout";

    /// <summary>Registered when payment starts and at every re-run; retries or fails an order still in Processing when due.</summary>
    public const string ProcessingTimeout = "processing-timeout";
}
