namespace OrderEngine.Runtime.Tests.Grains;

public interface INotifyGrain : IGrainWithStringKey
{
    /// <summary>Waits at the gate, then records: the caller must not wait for any of it.</summary>
    [OneWay]
    Task Notify(string gate);

    [OneWay]
    Task Explode(string message);

    Task<int> Notified();
}
