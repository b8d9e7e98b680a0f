namespace OrderEngine.Runtime.Messaging;

/// <summary>The call chain of the code running now; flows with the execution context across awaits.</summary>
internal static class CallContext
{
    private static readonly AsyncLocal<CallChain?> Chain = new();

    public static CallChain? Current
    {
        get => Chain.Value;
        set => Chain.Value = value;
    }
}
