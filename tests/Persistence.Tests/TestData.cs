using System.Text.Json;
using System.Text.Json.Nodes;
using OrderEngine.Runtime;
using OrderEngine.Runtime.Persistence;
using Xunit;

namespace OrderEngine.Persistence.Tests;

/// <summary>Fresh keys and JSON helpers shared by the provider tests.</summary>
public static class TestData
{
    /// <summary>How long one test may take before its operations are cancelled.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static GrainId NewGrain(string type = "conformance") => new(type, Guid.NewGuid().ToString("N"));

    public static GrainStateKey NewStateKey() => new("state", NewGrain());

    public static GrainStateRecord Record(int stock, string? outbox = null) =>
        new($$"""{"sku":"SKU-1","stock":{{stock}},"reserved":[1,2,3]}""", outbox);

    public static string Outbox(int sequence) => $$"""[{"sequence":{{sequence}},"event":"OrderPlaced"}]""";

    /// <summary>
    /// Compares JSON by value: providers that store jsonb give the document back with their own spacing and key order.
    /// </summary>
    public static void AssertJsonEqual(string? expected, string? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected, actual);
            return;
        }

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"JSON differs.{Environment.NewLine}Expected: {Shorten(expected)}{Environment.NewLine}Actual:   {Shorten(actual)}");
    }

    public static void AssertRecordEqual(GrainStateRecord expected, GrainStateRecord actual)
    {
        AssertJsonEqual(expected.Payload, actual.Payload);
        AssertJsonEqual(expected.Outbox, actual.Outbox);
    }

    /// <summary>
    /// Asserts that the write to <c>keys[i]</c> returned <c>eTags[i]</c>, the ETag now stored for that key, and
    /// that no two writes got the same ETag.
    /// </summary>
    public static async Task AssertStoredETagsAsync(IGrainStorage storage, IReadOnlyList<GrainStateKey> keys, IReadOnlyList<string> eTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(eTags);
        var stored = new List<string?>();
        foreach (var key in keys)
        {
            stored.Add((await storage.ReadAsync(key, cancellationToken))?.ETag);
        }

        Assert.Equal<string?>(eTags, stored);
        Assert.Equal(eTags.Count, eTags.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>A JSON document of about <paramref name="megabytes"/> MB: many small objects, strings with escapes, numbers.</summary>
    public static string LargeJson(int megabytes)
    {
        var lines = new JsonArray();
        var size = 0;
        for (var i = 0; size < megabytes * 1024 * 1024; i++)
        {
            var line = new JsonObject
            {
                ["line"] = i,
                ["sku"] = $"SKU-{i:D8}",
                ["note"] = $"quantity \"{i % 7}\" \\ unit é ✓ {new string('x', 40)}",
                ["price"] = 1999 + i,
            };
            size += line.ToJsonString().Length;
            lines.Add(line);
        }

        return new JsonObject { ["order"] = "large", ["lines"] = lines }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static string Shorten(string json) => json.Length <= 200 ? json : string.Concat(json.AsSpan(0, 200), "…");
}
