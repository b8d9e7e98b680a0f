namespace OrderEngine.Api.Tests.BadInput;

/// <summary>How a problem's detail is compared with what a <see cref="BadRequestCase"/> expects.</summary>
public enum DetailMatch
{
    Exact,
    Prefix,
    Contains,
}
