namespace OrderEngine.Runtime.Tests.Grains;

public sealed record CounterEvent(string Counter, int Value);
