namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>A grain class with only the implicit default constructor.</summary>
public sealed class PlainGrain : Grain, IEmptyGrain;
