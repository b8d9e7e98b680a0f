namespace OrderEngine.Runtime.Tests.Grains;

public sealed record CounterState
{
    public int Value { get; init; }

    public string? Note { get; init; }
}
