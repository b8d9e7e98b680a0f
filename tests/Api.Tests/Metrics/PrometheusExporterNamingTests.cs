using OrderEngine.Api.Tests.Metrics.Support;

namespace OrderEngine.Api.Tests.Metrics;

public sealed class PrometheusExporterNamingTests
{
    [Fact]
    public void Dots_and_dashes_in_metric_and_label_names_become_underscores_and_the_unit_is_not_appended()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("orderengine.storage.batch-failures", unit: "{batch}", description: "Failed batches");

        counter.Add(2, new KeyValuePair<string, object?>("db.system.name", "sqlite"));

        Assert.Equal(
            """
            # HELP orderengine_storage_batch_failures_total Failed batches
            # TYPE orderengine_storage_batch_failures_total counter
            orderengine_storage_batch_failures_total{db_system_name="sqlite"} 2

            """,
            harness.Scrape());
    }

    [Fact]
    public void A_name_starting_with_a_digit_is_prefixed_and_colons_are_kept_in_metric_names_only()
    {
        using var harness = new ExporterHarness();
        var gauge = harness.Meter.CreateUpDownCounter<long>("9lives:total-ish", description: "Lives");

        gauge.Add(9, new KeyValuePair<string, object?>("cat:name", "tom"));

        Assert.Equal(
            """
            # HELP _9lives:total_ish Lives
            # TYPE _9lives:total_ish gauge
            _9lives:total_ish{cat_name="tom"} 9

            """,
            harness.Scrape());
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_newline_and_help_escapes_backslash_and_newline()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("odd", description: "First line\nC:\\path \"quoted\"");

        counter.Add(1, new KeyValuePair<string, object?>("reason", "a\\b\"c\nd"));

        Assert.Equal(
            """
            # HELP odd_total First line\nC:\\path "quoted"
            # TYPE odd_total counter
            odd_total{reason="a\\b\"c\nd"} 1

            """,
            harness.Scrape());
    }

    [Fact]
    public void Tag_values_render_in_the_invariant_culture_with_lower_case_booleans_and_empty_null()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("typed", description: "Typed tags");

        counter.Add(1, new("b", true), new("d", 0.5), new("e", DayOfWeek.Friday));
        counter.Add(1, new("i", 42), new("n", null), new("s", "x"));

        Assert.Equal(
            """
            # HELP typed_total Typed tags
            # TYPE typed_total counter
            typed_total{b="true",d="0.5",e="Friday"} 1
            typed_total{i="42",n="",s="x"} 1

            """,
            harness.Scrape());
    }

    [Fact]
    public void An_instrument_without_description_uses_its_own_name_as_help()
    {
        using var harness = new ExporterHarness();
        var counter = harness.Meter.CreateCounter<long>("orderengine.calls.timeouts");

        counter.Add(1);

        Assert.Equal(
            """
            # HELP orderengine_calls_timeouts_total orderengine.calls.timeouts
            # TYPE orderengine_calls_timeouts_total counter
            orderengine_calls_timeouts_total 1

            """,
            harness.Scrape());
    }
}
