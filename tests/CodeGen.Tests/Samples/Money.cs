namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>An immutable message record passed to a grain method.</summary>
public sealed record Money(decimal Amount, string Currency);
