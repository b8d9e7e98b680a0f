using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OrderEngine.GrainInterfaces.Orders;
using OrderEngine.Silo.Logging;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.Observability;

/// <summary>The silo's log format (seed 002): one flat JSON object per line, state and scopes as snake_case fields.</summary>
public sealed partial class JsonLinesConsoleFormatterTests
{
    private const string Category = "OrderEngine.Grains.Orders.OrderGrain";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void A_structured_entry_in_a_correlation_scope_is_one_flat_JSON_line_in_the_runbook_shape()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);

        using (logger.BeginScope(new Dictionary<string, object> { ["correlation_id"] = "corr-1" }))
        {
            Transition(logger, "o-1", OrderStatus.Reserved, OrderStatus.Processing, "payment started");
        }

        Assert.Equal(
            """{"timestamp":"2026-11-22T12:00:00.123Z","level":"INFO","message":"Order o-1 Reserved -> Processing: payment started","service":"orderengine","category":"OrderEngine.Grains.Orders.OrderGrain","event":"order_transition","order_id":"o-1","from":"Reserved","to":"Processing","reason":"payment started","correlation_id":"corr-1"}""" + "\n",
            Assert.Single(capture.Writes));
    }

    [Fact]
    public void State_wins_over_scopes_and_an_inner_scope_over_an_outer_one_and_plain_scopes_are_listed()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);

        using (logger.BeginScope(new Dictionary<string, object> { ["correlation_id"] = "outer", ["RequestPath"] = "/orders" }))
        using (logger.BeginScope("Processing batch"))
        using (logger.BeginScope(new Dictionary<string, object> { ["correlation_id"] = "inner", ["OrderId"] = "from-scope" }))
        {
            Transition(logger, "from-state", OrderStatus.Pending, OrderStatus.Reserved, "stock held");
        }

        var entry = Assert.Single(capture.Entries);
        Assert.Equal(
            ["timestamp", "level", "message", "service", "category", "event", "order_id", "from", "to", "reason", "correlation_id", "request_path", "scopes"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ("from-state", "inner", "/orders", "Processing batch"),
            (Text(entry, "order_id"), Text(entry, "correlation_id"), Text(entry, "request_path"), Assert.Single(entry.GetProperty("scopes").EnumerateArray()).GetString()));
    }

    [Fact]
    public void A_state_or_scope_name_that_would_overwrite_a_fixed_field_is_prefixed()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);

        using (logger.BeginScope(new Dictionary<string, object> { ["service"] = "other", ["Level"] = "low" }))
        {
            MaintenanceChanged(logger, true, "admin", "Scheduled maintenance");
        }

        var entry = Assert.Single(capture.Entries);
        Assert.Equal(
            ["timestamp", "level", "message", "service", "category", "event", "maintenance_mode", "changed_by", "state_message", "scope_service", "scope_level"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ("WARN", "Maintenance mode True set by admin: Scheduled maintenance", "orderengine", "Scheduled maintenance", "other", "low"),
            (Text(entry, "level"), Text(entry, "message"), Text(entry, "service"), Text(entry, "state_message"), Text(entry, "scope_service"), Text(entry, "scope_level")));
        Assert.True(entry.GetProperty("maintenance_mode").GetBoolean());
    }

    [Fact]
    public void An_exception_is_written_whole_and_an_event_without_a_name_by_its_number()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);
        var exception = CaughtException();

        logger.Log(
            LogLevel.Error,
            new EventId(900),
            new List<KeyValuePair<string, object?>> { new("Method", "POST"), new("Path", "/orders"), new("{OriginalFormat}", "Request {Method} {Path} failed") },
            exception,
            (_, _) => "Request POST /orders failed");

        var entry = Assert.Single(capture.Entries);
        Assert.Equal(
            ["timestamp", "level", "message", "service", "category", "event", "method", "path", "exception"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ("ERROR", "Request POST /orders failed", "900", exception.ToString()),
            (Text(entry, "level"), Text(entry, "message"), Text(entry, "event"), Text(entry, "exception")));
        Assert.Contains("InvalidOperationException: storage gone", Text(entry, "exception"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_event_id_or_state_has_only_the_fixed_fields()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);

        logger.Log(LogLevel.Information, default, "plain", null, (state, _) => state);

        Assert.Equal(
            """{"timestamp":"2026-11-22T12:00:00.123Z","level":"INFO","message":"plain","service":"orderengine","category":"OrderEngine.Grains.Orders.OrderGrain"}""" + "\n",
            Assert.Single(capture.Writes));
    }

    [Theory]
    [InlineData(LogLevel.Trace, "TRACE")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "CRITICAL")]
    public void Levels_are_written_as_the_runbook_writes_them(LogLevel level, string expected)
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);

        logger.Log(level, default, "at a level", null, (state, _) => state);

        Assert.Equal(expected, Text(Assert.Single(capture.Entries), "level"));
    }

    [Fact]
    public void Values_keep_their_JSON_types()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);
        var state = new List<KeyValuePair<string, object?>>
        {
            new("Count", 3),
            new("Big", 9_007_199_254_740_993L),
            new("Ratio", 1.5),
            new("Price", 19.99m),
            new("Paid", true),
            new("Nothing", null),
            new("At", new DateTimeOffset(2026, 1, 2, 4, 4, 5, 678, TimeSpan.FromHours(1))),
            new("Delay", TimeSpan.FromSeconds(90)),
            new("Status", OrderStatus.Reserved),
            new("Skus", new List<string> { "a", "b" }),
            new("{OriginalFormat}", "values"),
        };

        logger.Log(LogLevel.Information, new EventId(7, "ValuesLogged"), state, null, (_, _) => "values");

        Assert.Equal(
            """{"timestamp":"2026-11-22T12:00:00.123Z","level":"INFO","message":"values","service":"orderengine","category":"OrderEngine.Grains.Orders.OrderGrain","event":"values_logged","count":3,"big":9007199254740993,"ratio":1.5,"price":19.99,"paid":true,"nothing":null,"at":"2026-01-02T03:04:05.678Z","delay":"00:01:30","status":"Reserved","skus":["a","b"]}""" + "\n",
            Assert.Single(capture.Writes));
    }

    [Fact]
    public void A_message_with_line_breaks_quotes_and_non_ASCII_stays_on_one_line_and_readable()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now));
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);
        const string message = "line one\nline two \"quoted\" <token> & cliënt";

        logger.Log(LogLevel.Warning, default, message, null, (state, _) => state);

        var write = Assert.Single(capture.Writes);
        Assert.Equal(write.Length - 1, write.IndexOf('\n', StringComparison.Ordinal));
        Assert.Contains("""line one\nline two \"quoted\" <token> & cliënt""", write, StringComparison.Ordinal);
        Assert.Equal(message, Text(Assert.Single(capture.Entries), "message"));
    }

    [Fact]
    public void The_service_name_can_be_configured_and_scopes_turned_off()
    {
        using var capture = new JsonLinesCapture(new ManualTimeProvider(Now), options =>
        {
            options.ServiceName = "gateway";
            options.IncludeScopes = false;
        });
        using var factory = CreateFactory(capture);
        var logger = factory.CreateLogger(Category);

        using (logger.BeginScope(new Dictionary<string, object> { ["correlation_id"] = "corr-1" }))
        {
            Transition(logger, "o-1", OrderStatus.Reserved, OrderStatus.Processing, "payment started");
        }

        var entry = Assert.Single(capture.Entries);
        Assert.Equal("gateway", Text(entry, "service"));
        Assert.False(entry.TryGetProperty("correlation_id", out _));
    }

    [Fact]
    public void AddJsonLinesLogging_points_the_console_logger_at_the_JSON_lines_formatter()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddJsonLinesLogging());
        using var provider = services.BuildServiceProvider();

        Assert.Equal(JsonLinesConsoleFormatter.FormatterName, provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.IsType<ConsoleLoggerProvider>(Assert.Single(provider.GetServices<ILoggerProvider>()));
        Assert.Single(provider.GetServices<ConsoleFormatter>(), f => f is JsonLinesConsoleFormatter);
        Assert.Equal(JsonLinesFormatterOptions.DefaultServiceName, provider.GetRequiredService<IOptionsMonitor<JsonLinesFormatterOptions>>().CurrentValue.ServiceName);
    }

    private static ILoggerFactory CreateFactory(JsonLinesCapture capture) =>
        LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));

    private static string? Text(JsonElement entry, string field) => entry.GetProperty(field).GetString();

    private static InvalidOperationException CaughtException()
    {
        try
        {
            throw new InvalidOperationException("storage gone");
        }
        catch (InvalidOperationException exception)
        {
            return exception;
        }
    }

    [LoggerMessage(EventId = 1000, EventName = "OrderTransition", Level = LogLevel.Information, Message = "Order {OrderId} {From} -> {To}: {Reason}")]
    private static partial void Transition(ILogger logger, string orderId, OrderStatus from, OrderStatus to, string reason);

    [LoggerMessage(EventId = 4000, EventName = "MaintenanceChanged", Level = LogLevel.Warning, Message = "Maintenance mode {MaintenanceMode} set by {ChangedBy}: {Message}")]
    private static partial void MaintenanceChanged(ILogger logger, bool maintenanceMode, string changedBy, string? message);
}
