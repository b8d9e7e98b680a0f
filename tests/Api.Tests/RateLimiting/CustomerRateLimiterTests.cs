using Microsoft.Extensions.Options;
using OrderEngine.Api.RateLimiting;
using OrderEngine.Testing.Time;

namespace OrderEngine.Api.Tests.RateLimiting;

/// <summary>The sliding window itself, on a fake clock: 3 per minute in 6 segments of 10 s.</summary>
public sealed class CustomerRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Start);

    [Fact]
    public void The_fourth_order_in_a_minute_waits_until_the_first_leaves_the_window()
    {
        var limiter = NewLimiter();
        Assert.Null(limiter.TryAcquire("c1"));
        _time.Advance(TimeSpan.FromSeconds(25));
        Assert.Null(limiter.TryAcquire("c1"));
        Assert.Null(limiter.TryAcquire("c1"));

        var wait = limiter.TryAcquire("c1");

        // The first permit sits in the segment [0 s, 10 s): it leaves the window at 60 s, 35 s from now.
        Assert.Equal(TimeSpan.FromSeconds(35), wait);
        _time.Advance(TimeSpan.FromSeconds(34.9));
        Assert.NotNull(limiter.TryAcquire("c1"));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Null(limiter.TryAcquire("c1"));
        Assert.NotNull(limiter.TryAcquire("c1"));
    }

    [Fact]
    public void Customers_are_limited_independently()
    {
        var limiter = NewLimiter();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryAcquire("busy"));
        }

        Assert.NotNull(limiter.TryAcquire("busy"));
        Assert.Null(limiter.TryAcquire("other"));
    }

    [Fact]
    public void A_quiet_minute_gives_the_full_limit_back()
    {
        var limiter = NewLimiter();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryAcquire("c1"));
        }

        _time.Advance(TimeSpan.FromMinutes(5));

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryAcquire("c1"));
        }

        Assert.NotNull(limiter.TryAcquire("c1"));
    }

    [Fact]
    public async Task Customers_whose_permits_all_left_the_window_are_forgotten_and_start_afresh()
    {
        var limiter = NewLimiter();
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Null(limiter.TryAcquire($"once-{i}"));
        }

        Assert.Equal(1_000, limiter.TrackedCustomers);
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(limiter.TryAcquire("late"));

        await Eventually.WaitAsync(() => limiter.TrackedCustomers == 1, "the sweep drops the 1,000 idle customers");
        Assert.Null(limiter.TryAcquire("once-7"));
        Assert.Null(limiter.TryAcquire("once-7"));
        Assert.Null(limiter.TryAcquire("once-7"));
        Assert.NotNull(limiter.TryAcquire("once-7"));
    }

    [Fact]
    public async Task Concurrent_orders_of_one_customer_get_exactly_the_limit()
    {
        var limiter = new CustomerRateLimiter(Options.Create(new RateLimitOptions { PermitLimit = 500 }), _time);
        var granted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                if (limiter.TryAcquire("crowd") is null)
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));

        Assert.Equal(500, granted);
    }

    [Fact]
    public void A_clock_younger_than_one_window_limits_like_any_other()
    {
        // The system clock's timestamps count from boot: a silo started within an hour of booting, with a
        // one-hour window, asks for the window before timestamp zero (a CI machine found this).
        var young = new ManualTimeProvider(new DateTimeOffset(TimeSpan.TicksPerSecond, TimeSpan.Zero));
        var limiter = new CustomerRateLimiter(Options.Create(new RateLimitOptions { PermitLimit = 3, Window = TimeSpan.FromHours(1) }), young);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryAcquire("early"));
        }

        Assert.Equal(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1), limiter.TryAcquire("early"));
        young.Advance(TimeSpan.FromHours(1));
        Assert.Null(limiter.TryAcquire("early"));
    }

    private CustomerRateLimiter NewLimiter() =>
        new(Options.Create(new RateLimitOptions { PermitLimit = 3, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6 }), _time);
}
