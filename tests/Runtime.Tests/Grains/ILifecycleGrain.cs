namespace OrderEngine.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<Guid> ActivationId();

    Task DeactivateSelf();
}
