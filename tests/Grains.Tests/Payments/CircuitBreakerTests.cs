using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrderEngine.GrainInterfaces.Payments;
using OrderEngine.Grains.Payments;
using OrderEngine.Testing.Time;
using Polly;
using BrokenCircuitException = Polly.CircuitBreaker.BrokenCircuitException;
using IsolatedCircuitException = Polly.CircuitBreaker.IsolatedCircuitException;
using Polly.Timeout;

namespace OrderEngine.Grains.Tests.Payments;

public sealed class CircuitBreakerTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ConsecutiveFailureCircuitBreaker _breaker;
    private readonly ResiliencePipeline _pipeline;
    private int _calls;

    public CircuitBreakerTests()
    {
        var options = new PaymentsOptions { MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) };
        _breaker = new ConsecutiveFailureCircuitBreaker(Options.Create(options), _clock, NullLogger<ConsecutiveFailureCircuitBreaker>.Instance);
        _pipeline = PaymentPipeline.Build(options, _breaker, _clock);
    }

    [Fact]
    public async Task Five_consecutive_failures_open_it_and_a_success_in_between_resets_the_count()
    {
        await FailAsync(4);
        await SucceedAsync(1);
        await FailAsync(4);
        Assert.Equal(new PaymentCircuitStatus(CircuitState.Closed, 4, TimeSpan.FromSeconds(30), null, 0, 0), _breaker.Status);

        await FailAsync(1);

        Assert.Equal(new PaymentCircuitStatus(CircuitState.Open, 0, TimeSpan.FromSeconds(30), _clock.GetUtcNow().AddSeconds(30), 1, 0), _breaker.Status);
    }

    [Fact]
    public async Task While_open_it_rejects_without_calling_the_gateway_and_says_when_to_retry()
    {
        await FailAsync(5);
        var calls = _calls;
        _clock.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<BrokenCircuitException>(() => RunAsync(succeed: true));

        Assert.Equal((calls, TimeSpan.FromSeconds(20), 1L), (_calls, error.RetryAfter, _breaker.Status.RejectedCalls));
    }

    [Fact]
    public async Task It_half_opens_after_30_seconds_and_two_successes_close_it()
    {
        await FailAsync(5);
        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(CircuitState.Open, _breaker.State);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(CircuitState.HalfOpen, _breaker.State);

        await SucceedAsync(1);
        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
        await SucceedAsync(1);

        Assert.Equal(new PaymentCircuitStatus(CircuitState.Closed, 0, TimeSpan.FromSeconds(30), null, 1, 0), _breaker.Status);
    }

    [Fact]
    public async Task Each_reopen_doubles_the_break_up_to_300_seconds_and_closing_resets_it()
    {
        await FailAsync(5);
        var breaks = new List<TimeSpan> { _breaker.Status.BreakDuration };
        for (var reopen = 0; reopen < 5; reopen++)
        {
            _clock.Advance(_breaker.Status.BreakDuration);
            await FailAsync(1);
            breaks.Add(_breaker.Status.BreakDuration);
        }

        _clock.Advance(_breaker.Status.BreakDuration);
        await SucceedAsync(2);

        Assert.Equal([30, 60, 120, 240, 300, 300], breaks.Select(b => (int)b.TotalSeconds));
        Assert.Equal(new PaymentCircuitStatus(CircuitState.Closed, 0, TimeSpan.FromSeconds(30), null, 6, 0), _breaker.Status);
    }

    [Fact]
    public async Task Half_open_lets_two_trial_calls_through_at_a_time()
    {
        await FailAsync(5);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var gate = new TaskCompletionSource();
        var trials = new[] { RunAsync(succeed: true, gate.Task), RunAsync(succeed: true, gate.Task) };

        var third = await Assert.ThrowsAsync<BrokenCircuitException>(() => RunAsync(succeed: true));
        gate.SetResult();
        await Task.WhenAll(trials);

        Assert.Equal((TimeSpan.Zero, CircuitState.Closed), (third.RetryAfter, _breaker.State));
    }

    [Fact]
    public async Task Timeouts_count_as_failures()
    {
        for (var i = 0; i < 5; i++)
        {
            var hanging = RunAsync(succeed: true, new TaskCompletionSource().Task);
            _clock.Advance(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAsync<TimeoutRejectedException>(() => hanging);
        }

        Assert.Equal(CircuitState.Open, _breaker.State);
    }

    [Fact]
    public async Task Errors_that_say_nothing_about_the_gateways_health_do_not_count()
    {
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<PaymentGatewayException>(() => _pipeline.ExecuteAsync<int>(_ => throw new PaymentGatewayException("bad request", isTransient: false)).AsTask());
        }

        Assert.Equal(CircuitState.Closed, _breaker.State);
    }

    [Fact]
    public async Task An_operator_can_isolate_the_circuit_until_reset()
    {
        _breaker.Isolate();
        _clock.Advance(TimeSpan.FromHours(1));

        await Assert.ThrowsAsync<IsolatedCircuitException>(() => RunAsync(succeed: true));
        Assert.Equal(CircuitState.Isolated, _breaker.State);
        _breaker.Reset();
        await SucceedAsync(1);
        Assert.Equal(CircuitState.Closed, _breaker.State);
    }

    private async Task FailAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<PaymentGatewayException>(() => RunAsync(succeed: false));
        }
    }

    private async Task SucceedAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await RunAsync(succeed: true);
        }
    }

    private Task RunAsync(bool succeed, Task? answer = null) =>
        _pipeline.ExecuteAsync(
            async token =>
            {
                Interlocked.Increment(ref _calls);
                if (answer is not null)
                {
                    await answer.WaitAsync(token);
                }

                if (!succeed)
                {
                    throw new PaymentGatewayException("gateway error 503", isTransient: true);
                }
            }).AsTask();
}
