namespace OrderEngine.Runtime.Tests.Grains;

public interface IReentrantGateGrain : IGateGrain;
