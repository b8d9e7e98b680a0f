using System.Buffers;
using System.Text.Json;
using OrderEngine.Runtime.Cluster.Wire;
using Xunit;

namespace OrderEngine.Runtime.Tests.Cluster;

/// <summary>Exceptions written on one silo and read on another keep their type, properties and message.</summary>
public sealed class RemoteExceptionCodecTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static TheoryData<Exception> Exceptions =>
    [
        new GrainCallTimeoutException(new GrainId("order", "o-1"), "IOrderGrain", "Place", TimeSpan.FromSeconds(30)),
        new InconsistentStateException("stale write", "12", "13"),
        new DeadlockException([new GrainId("cycle", "a"), new GrainId("cycle", "b"), new GrainId("cycle", "a")], "ICycleGrain.CallThrough"),
        new SiloUnavailableException("127.0.0.1:11111@1", new GrainId("sku", "101"), "ISkuGrain.Reserve", "the connection closed"),
        new GrainActivationException(new GrainId("order", "o-2"), new InvalidOperationException("storage is down")),
        new InvalidOperationException("sale closed", new TimeoutException("slow")),
    ];

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void An_exception_round_trips_with_its_type_and_message(Exception original)
    {
        var rebuilt = RoundTrip(original);

        Assert.IsType(original.GetType(), rebuilt);
        Assert.Equal(original.Message, rebuilt.Message);
        Assert.Equal(original.InnerException?.GetType(), rebuilt.InnerException?.GetType());
        Assert.Equal(original.InnerException?.Message, rebuilt.InnerException?.Message);
    }

    [Fact]
    public void Properties_survive_and_an_unknown_type_arrives_as_RemoteGrainException()
    {
        var timeout = (GrainCallTimeoutException)RoundTrip(new GrainCallTimeoutException(new GrainId("order", "o-1"), "IOrderGrain", "Place", TimeSpan.FromSeconds(30)));
        var unknown = Assert.IsType<RemoteGrainException>(RoundTrip(new LocalOnlyException("only here")));
        // A framework type is rebuilt through any constructor that reproduces its whole message.
        var framework = Assert.IsType<ArgumentOutOfRangeException>(RoundTrip(new ArgumentOutOfRangeException("quantity", 0, "must be positive")));
        Assert.Equal(new ArgumentOutOfRangeException("quantity", 0, "must be positive").Message, framework.Message);

        Assert.Equal((new GrainId("order", "o-1"), "IOrderGrain.Place", TimeSpan.FromSeconds(30)), (timeout.GrainId, timeout.MethodName, timeout.Timeout));
        Assert.Equal(("only here", typeof(LocalOnlyException).FullName), (unknown.RemoteMessage, unknown.RemoteType));
    }

    private static Exception RoundTrip(Exception exception)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            RemoteExceptionCodec.Write(writer, exception, Options);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return RemoteExceptionCodec.Read(document.RootElement, Options);
    }

    /// <summary>A type without a constructor the codec can fill (its argument is not a property).</summary>
    private sealed class LocalOnlyException(string text) : Exception(text.ToUpperInvariant().ToLowerInvariant());
}
