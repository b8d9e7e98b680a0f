using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace OrderEngine.Runtime.Membership;

/// <summary>
/// The stored form of <see cref="MembershipEntry.Suspicions"/> in the durable membership tables, readable by
/// operators: <c>[{"suspector":"host:port@generation","at":"2031-05-17T11:45:12.345Z"}]</c>, oldest vote first.
/// Times are UTC ISO 8601 with full tick precision.
/// </summary>
internal static class SuspicionsJson
{
    private const string SuspectorProperty = "suspector";
    private const string AtProperty = "at";

    public static string Write(ImmutableArray<SuspectVote> votes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var vote in votes.IsDefault ? [] : votes)
            {
                writer.WriteStartObject();
                writer.WriteString(SuspectorProperty, vote.Suspector.ToString());
                writer.WriteString(AtProperty, vote.At.UtcDateTime);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="FormatException">The stored text is not a list of votes.</exception>
    public static ImmutableArray<SuspectVote> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var votes = ImmutableArray.CreateBuilder<SuspectVote>(document.RootElement.GetArrayLength());
            foreach (var vote in document.RootElement.EnumerateArray())
            {
                votes.Add(new SuspectVote(
                    SiloAddress.Parse(vote.GetProperty(SuspectorProperty).GetString() ?? string.Empty),
                    vote.GetProperty(AtProperty).GetDateTimeOffset()));
            }

            return votes.MoveToImmutable();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"Stored suspicions are not a list of votes: {json}", exception);
        }
    }
}
