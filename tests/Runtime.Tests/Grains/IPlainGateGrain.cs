namespace OrderEngine.Runtime.Tests.Grains;

public interface IPlainGateGrain : IGateGrain;
