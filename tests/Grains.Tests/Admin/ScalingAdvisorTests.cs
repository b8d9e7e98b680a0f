using OrderEngine.GrainInterfaces.Admin;
using OrderEngine.Grains.Admin;

namespace OrderEngine.Grains.Tests.Admin;

public sealed class ScalingAdvisorTests
{
    [Theory]
    [InlineData(1, 50, 0, 1000, 1, ScalingAction.Hold, "CPU 50% is within the target 70%: keep 1 silos.")]
    [InlineData(1, 70, 0, 1000, 1, ScalingAction.Hold, "CPU 70% is within the target 70%: keep 1 silos.")]
    [InlineData(3, 80, 0, 1000, 4, ScalingAction.ScaleOut, "CPU 80% is above the target 70% (warning threshold 70%): 4 silos carry this load within limits.")]
    [InlineData(1, 90, 0, 1000, 2, ScalingAction.ScaleOutNow, "CPU 90% is above the critical 85%: scale out now to 2 silos (target 70%).")]
    [InlineData(4, 99, 0, 1000, 6, ScalingAction.ScaleOutNow, "CPU 99% is above the critical 85%: scale out now to 6 silos (target 70%).")]
    [InlineData(4, 20, 0, 1000, 2, ScalingAction.ScaleIn, "CPU 20% is below 35%: 2 silos carry this load under the target 70%.")]
    [InlineData(4, 40, 0, 1000, 4, ScalingAction.Hold, "CPU 40% is within the target 70%: keep 4 silos.")]
    [InlineData(1, 0, 0, 0, 1, ScalingAction.Hold, "CPU 0% is within the target 70%: keep 1 silos.")]
    [InlineData(2, 30, 0, 1_500_000, 3, ScalingAction.ScaleOut, "1500000 activations exceed 1000000 per silo: 3 silos carry this load within limits.")]
    [InlineData(60, 99, 0, 1000, 64, ScalingAction.ScaleOutNow, "CPU 99% is above the critical 85%: scale out now to 64 silos (target 70%).")]
    public void The_recommendation_follows_the_cpu_target_and_the_runbook_thresholds(
        int silos, double cpu, double callsPerSecond, int activations, int recommended, ScalingAction action, string reason)
    {
        var advice = ScalingAdvisor.Recommend(new ScalingInput(silos, cpu, callsPerSecond, activations), new ScalingOptions());

        Assert.Equal(new ScalingRecommendation(recommended, action, reason), advice);
    }

    [Fact]
    public void A_calls_per_second_limit_is_honoured_when_configured()
    {
        var advice = ScalingAdvisor.Recommend(new ScalingInput(2, 30, 25_000, 10), new ScalingOptions { MaxCallsPerSecondPerSilo = 10_000 });

        Assert.Equal(new ScalingRecommendation(5, ScalingAction.ScaleOut, "25000 calls/s exceed 10000 per silo: 5 silos carry this load within limits."), advice);
    }
}
