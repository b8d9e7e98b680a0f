namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>A grain interface without methods of its own.</summary>
public interface IEmptyGrain : IGrainWithGuidKey;
