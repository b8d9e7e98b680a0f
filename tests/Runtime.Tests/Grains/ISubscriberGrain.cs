namespace OrderEngine.Runtime.Tests.Grains;

public interface ISubscriberGrain : IGrainWithStringKey
{
    Task<int> OutOfOrder();
}
