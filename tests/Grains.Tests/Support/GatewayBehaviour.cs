namespace OrderEngine.Grains.Tests.Support;

/// <summary>What the scripted gateway does with one charge.</summary>
public enum GatewayBehaviour
{
    Approve,
    Decline,

    /// <summary>Throws a transient gateway error.</summary>
    Fail,
}
