namespace OrderEngine.Grains;

/// <summary>The grain storage every order-domain grain uses. The silo host registers a provider under <see cref="Name"/>.</summary>
public static class OrderStorage
{
    public const string Name = "orders";
}
