namespace OrderEngine.GrainInterfaces.Orders;

/// <summary>An order whose payment finally failed, on <see cref="OrderStreams.DeadLetters"/>: what, why, after how many gateway attempts, when.</summary>
public sealed record DeadLetter(string OrderId, string CustomerId, decimal Total, string Reason, int Attempts, DateTimeOffset At);
