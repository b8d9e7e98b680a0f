namespace OrderEngine.Runtime.CodeGen.Tests.Samples;

/// <summary>Parameter names that clash with request members or C# keywords, and an interface with internal accessibility.</summary>
internal interface IEdgeCaseGrain : IGrainWithIntegerKey
{
    Task<string> Echo(string Method, string @class, int index, object? value);
}
