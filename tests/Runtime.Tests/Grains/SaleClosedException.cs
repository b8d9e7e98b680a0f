namespace OrderEngine.Runtime.Tests.Grains;

/// <summary>An application exception type the caller must see unchanged.</summary>
public sealed class SaleClosedException(string message) : Exception(message);
