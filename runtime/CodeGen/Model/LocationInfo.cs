using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OrderEngine.Runtime.CodeGen.Model;

/// <summary>A source location without a reference to its syntax tree, so that models stay cheap to compare.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true } && location.SourceTree is { } tree
            ? new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    /// <summary>The location in <paramref name="compilation"/>'s tree of that path, else a file location.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && tree.Length >= Span.End)
            {
                return Location.Create(tree, Span);
            }
        }

        return Location.Create(FilePath, Span, LineSpan);
    }
}
