namespace OrderEngine.Grains.Admin;

/// <summary>What a scaling recommendation is made from: the cluster's size and one silo's load, taken as representative.</summary>
public sealed record ScalingInput(int CurrentSilos, double CpuPercent, double CallsPerSecond, int Activations);
