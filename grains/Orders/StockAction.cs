namespace OrderEngine.Grains.Orders;

/// <summary>
/// Stock work an order has recorded but not yet confirmed done: written with the transition that needs
/// it (write-ahead), done afterwards, cleared by a second write; an activation that finds it set redoes it.
/// </summary>
public enum StockAction
{
    None,

    /// <summary>Paid: commit every line (reserved -> sold).</summary>
    Commit,

    /// <summary>Cancelled or failed: release every line (reserved -> available).</summary>
    Release,
}
