using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace OrderEngine.Runtime.Cluster.Wire;

/// <summary>
/// Carries a grain's exception to the caller's silo as its type name, message and the public properties
/// its own type declares, and rebuilds it there through the constructor whose parameters those
/// properties match (so <c>InvalidOrderTransitionException(orderId, from, to, detail)</c> arrives with
/// its properties and message intact). Reflection runs only on this failure path. A type the caller's
/// silo cannot rebuild arrives as <see cref="RemoteGrainException"/> with the original type and message.
/// </summary>
internal static class RemoteExceptionCodec
{
    private static readonly ConcurrentDictionary<string, Type?> TypesByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    public static void Write(Utf8JsonWriter writer, Exception exception, JsonSerializerOptions options)
    {
        var type = exception.GetType();
        writer.WriteStartObject();
        if (exception is RemoteGrainException relayed)
        {
            // Handed on from a third silo: pass the original along rather than wrapping it again.
            writer.WriteString("type", relayed.RemoteType);
            writer.WriteString("message", relayed.RemoteMessage);
            writer.WriteString("stack", exception.Data["RemoteStackTrace"] as string);
            writer.WriteStartObject("props");
            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("type", type.FullName);
        writer.WriteString("message", exception.Message);
        writer.WriteString("stack", exception.StackTrace);
        writer.WriteStartObject("props");
        foreach (var property in PropertiesByType.GetOrAdd(type, OwnProperties))
        {
            JsonElement value;
            try
            {
                value = JsonSerializer.SerializeToElement(property.GetValue(exception), property.PropertyType, options);
            }
            catch (Exception)
            {
                continue; // A property that cannot travel is left out; the constructor may still default it.
            }

            writer.WritePropertyName(property.Name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
        if (exception.InnerException is { } inner)
        {
            writer.WritePropertyName("inner");
            Write(writer, inner, options);
        }

        writer.WriteEndObject();
    }

    public static Exception Read(JsonElement error, JsonSerializerOptions options)
    {
        var typeName = error.GetProperty("type").GetString() ?? "unknown";
        var message = error.GetProperty("message").GetString() ?? string.Empty;
        var inner = error.TryGetProperty("inner", out var innerError) ? Read(innerError, options) : null;
        var rebuilt = Rebuild(typeName, message, error.GetProperty("props"), inner, options) ?? new RemoteGrainException(typeName, message);
        if (error.TryGetProperty("stack", out var stack) && stack.ValueKind == JsonValueKind.String)
        {
            rebuilt.Data["RemoteStackTrace"] = stack.GetString();
        }

        return rebuilt;
    }

    private static Exception? Rebuild(string typeName, string message, JsonElement props, Exception? inner, JsonSerializerOptions options)
    {
        var type = TypesByName.GetOrAdd(typeName, FindType);
        if (type is null)
        {
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in props.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            if (TryArguments(constructor, values, message, inner, options) is { } arguments)
            {
                try
                {
                    // A constructor that loses part of the message (a parameter that is no property) is not the one.
                    if (constructor.Invoke(arguments) is Exception rebuilt && rebuilt.Message == message)
                    {
                        return rebuilt;
                    }
                }
                catch (TargetInvocationException)
                {
                }
            }
        }

        return null;
    }

    private static object?[]? TryArguments(ConstructorInfo constructor, Dictionary<string, JsonElement> values, string message, Exception? inner, JsonSerializerOptions options)
    {
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (values.TryGetValue(parameter.Name!, out var value))
            {
                try
                {
                    arguments[i] = value.Deserialize(parameter.ParameterType, options);
                }
                catch (JsonException)
                {
                    return null;
                }
            }
            else if (parameter.Name == "message" && parameter.ParameterType == typeof(string))
            {
                arguments[i] = message;
            }
            else if (parameter.Name == "innerException" && typeof(Exception).IsAssignableFrom(parameter.ParameterType) && (inner is null || parameter.ParameterType.IsInstanceOfType(inner)))
            {
                arguments[i] = inner;
            }
            else if (parameter.HasDefaultValue)
            {
                arguments[i] = parameter.DefaultValue;
            }
            else
            {
                return null;
            }
        }

        return arguments;
    }

    private static PropertyInfo[] OwnProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.DeclaringType!.Assembly != typeof(Exception).Assembly)];

    private static Type? FindType(string fullName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var type = assembly.GetType(fullName, throwOnError: false);
            if (type is not null && typeof(Exception).IsAssignableFrom(type))
            {
                return type;
            }
        }

        return null;
    }
}
