namespace OrderEngine.Runtime.Tests.Grains;

internal static class CycleHop
{
    /// <summary>Calls the next grain of the path with the rest of it, or answers when the path is done.</summary>
    public static async Task<string> Next(string self, string[] path, Func<string, string[], Task<string>> call)
    {
        if (path.Length == 0)
        {
            return self;
        }

        var answer = await call(path[0], path[1..]);
        return $"{self}>{answer}";
    }
}
