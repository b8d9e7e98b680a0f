using System.Collections.Immutable;
using OrderEngine.Runtime.Membership;
using Xunit;

namespace OrderEngine.Runtime.Tests;

/// <summary>Silo addresses are values written as host:port@generation and ordered by host, port, generation; entries compare by value.</summary>
public sealed class SiloAddressTests
{
    [Theory]
    [InlineData("10.0.0.7", 11111, 638000000000000000L, "10.0.0.7:11111@638000000000000000")]
    [InlineData("silo-a.cluster.local", 0, 1L, "silo-a.cluster.local:0@1")]
    [InlineData("::1", 65535, -5L, "::1:65535@-5")]
    public void Formats_and_parses_back(string host, int port, long generation, string text)
    {
        var address = new SiloAddress(host, port, generation);

        Assert.Equal(text, address.ToString());
        Assert.Equal(address, SiloAddress.Parse(text));
        Assert.True(SiloAddress.TryParse(text, out var parsed));
        Assert.Equal((host, port, generation), (parsed.Host, parsed.Port, parsed.Generation));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.0.0.7")]
    [InlineData("10.0.0.7:11111")]
    [InlineData("10.0.0.7@5")]
    [InlineData(":11111@5")]
    [InlineData("10.0.0.7:@5")]
    [InlineData("10.0.0.7:11111@")]
    [InlineData("10.0.0.7:-1@5")]
    [InlineData("10.0.0.7:65536@5")]
    [InlineData("10.0.0.7: 11111@5")]
    [InlineData("10.0.0.7:11111@five")]
    public void Rejects_text_that_is_not_an_address(string? text)
    {
        Assert.False(SiloAddress.TryParse(text, out var address));
        Assert.Null(address);
        Assert.Throws<FormatException>(() => SiloAddress.Parse(text!));
    }

    [Fact]
    public void Rejects_an_empty_host_and_ports_out_of_range()
    {
        Assert.Throws<ArgumentException>(() => new SiloAddress("", 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiloAddress("h", -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiloAddress("h", 65536, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SiloAddress("h", 1, 1) with { Port = 70000 });
    }

    [Fact]
    public void A_restart_on_the_same_endpoint_is_a_different_silo()
    {
        var first = new SiloAddress("10.0.0.7", 11111, 100);

        Assert.Equal(first, new SiloAddress("10.0.0.7", 11111, 100));
        Assert.NotEqual(first, first with { Generation = 101 });
        Assert.True(first < first with { Generation = 101 });
    }

    [Fact]
    public void Orders_by_host_ordinal_then_port_then_generation()
    {
        SiloAddress[] ordered =
        [
            new("10.0.0.10", 2, 9),
            new("10.0.0.9", 1, 9),
            new("10.0.0.9", 2, 1),
            new("10.0.0.9", 2, 2),
            new("B", 1, 1),
            new("a", 1, 1),
        ];

        Assert.Equal(ordered, ordered.Reverse().Order());
        Assert.True(ordered[1] > ordered[0]);
        Assert.True(ordered[1] >= ordered[1]);
        Assert.True(ordered[1] <= ordered[2]);
        Assert.True(ordered[0].CompareTo(null) > 0);
    }

    [Fact]
    public void Entries_compare_by_value_including_the_suspicion_votes()
    {
        var silo = new SiloAddress("10.0.0.7", 11111, 1);
        var at = new DateTimeOffset(2031, 5, 17, 11, 45, 12, TimeSpan.Zero);
        var entry = new MembershipEntry
        {
            Silo = silo,
            Status = SiloStatus.Active,
            SiloName = "a",
            HostName = "pod",
            StartedAt = at,
            IAmAliveAt = at,
            Suspicions = [new SuspectVote(silo with { Port = 2 }, at)],
        };

        var copy = entry with { Suspicions = [new SuspectVote(silo with { Port = 2 }, at.ToOffset(TimeSpan.FromHours(2)))] };

        Assert.Equal(entry, copy);
        Assert.Equal(entry.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(entry, entry with { Suspicions = [] });
        Assert.NotEqual(entry, entry with { HttpAddress = "http://10.0.0.7:8080" });
        Assert.Empty((entry with { Suspicions = default }).Suspicions);
        Assert.Equal(ImmutableArray<SuspectVote>.Empty, new MembershipEntry { Silo = silo, Status = SiloStatus.Joining, SiloName = "a", HostName = "pod", StartedAt = at, IAmAliveAt = at }.Suspicions);
    }
}
