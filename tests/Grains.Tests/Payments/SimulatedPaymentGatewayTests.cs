using Microsoft.Extensions.Options;
using OrderEngine.Grains.Payments;
using OrderEngine.Testing.Time;

namespace OrderEngine.Grains.Tests.Payments;

public sealed class SimulatedPaymentGatewayTests
{
    [Fact]
    public async Task With_a_seed_the_outcomes_repeat_exactly_and_follow_the_rates()
    {
        var first = await OutcomesAsync(seed: 7, count: 1000);
        var second = await OutcomesAsync(seed: 7, count: 1000);

        Assert.Equal(first, second);
        Assert.Equal(
            [("approved", 776), ("declined", 71), ("error", 53), ("timeout", 100)],
            first.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public async Task Latency_runs_on_the_clock_and_a_timeout_hangs_until_cancelled()
    {
        var clock = new ManualTimeProvider();
        var gateway = Gateway(clock, new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(200), TimeoutRate = 1, Seed = 1 });
        using var cancel = new CancellationTokenSource();

        var charge = gateway.ChargeAsync(new PaymentRequest("o", "c", 1m, "USD"), cancel.Token);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(charge.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => charge);
    }

    [Fact]
    public async Task Approvals_carry_a_transaction_id_derived_from_the_idempotency_key()
    {
        var gateway = Gateway(new ManualTimeProvider(), new SimulatorOptions());

        Assert.Equal(PaymentResult.Approve("sim-o-1"), await gateway.ChargeAsync(new PaymentRequest("o-1", "c", 1m, "USD"), CancellationToken.None));
        Assert.Equal(PaymentResult.Approve("sim-o-1"), await gateway.ChargeAsync(new PaymentRequest("o-1", "c", 1m, "USD"), CancellationToken.None));
    }

    private static async Task<List<string>> OutcomesAsync(int seed, int count)
    {
        var gateway = Gateway(new ManualTimeProvider(), new SimulatorOptions { TimeoutRate = 0.1, FailureRate = 0.05, DeclineRate = 0.05, Seed = seed });
        var outcomes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var cancel = new CancellationTokenSource();
            var charge = gateway.ChargeAsync(new PaymentRequest($"o{i}", "c", 1m, "USD"), cancel.Token);
            if (!charge.IsCompleted)
            {
                await cancel.CancelAsync();
            }

            try
            {
                outcomes.Add((await charge).Approved ? "approved" : "declined");
            }
            catch (OperationCanceledException)
            {
                outcomes.Add("timeout");
            }
            catch (PaymentGatewayException)
            {
                outcomes.Add("error");
            }
        }

        return outcomes;
    }

    private static SimulatedPaymentGateway Gateway(TimeProvider clock, SimulatorOptions simulator) =>
        new(Options.Create(new PaymentsOptions { Simulator = simulator }), clock);
}
