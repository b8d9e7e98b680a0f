namespace OrderEngine.Grains.Tests.Orders;

/// <summary>The order commands the lifecycle theory tries in every status.</summary>
public enum OrderCommand
{
    Cancel,
    Process,
    ForceProcess,
    Ship,
    Complete,
    Amend,
}
