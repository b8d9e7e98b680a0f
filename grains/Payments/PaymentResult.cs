namespace OrderEngine.Grains.Payments;

/// <summary>The gateway's answer: approved with a transaction id, or declined with a reason.</summary>
public sealed record PaymentResult(bool Approved, string? TransactionId, string? DeclineReason)
{
    public static PaymentResult Approve(string transactionId) => new(true, transactionId, null);

    public static PaymentResult Decline(string reason) => new(false, null, reason);
}
