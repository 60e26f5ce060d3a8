using System;
using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Reads and writes an <see cref="ExtensibleEnum"/> as its JSON string.</summary>
public sealed class ExtensibleEnumConverter : JsonConverter
{
    private static readonly ConcurrentDictionary<Type, Func<string, ExtensibleEnum>> Parsers = new();

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => typeof(ExtensibleEnum).IsAssignableFrom(objectType);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.String)
        {
            throw new JsonSerializationException($"Expected a string for {objectType.Name} at '{reader.Path}', got {reader.TokenType}.");
        }

        return Parsers.GetOrAdd(objectType, CreateParser)((string)reader.Value!);
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is ExtensibleEnum e)
        {
            writer.WriteValue(e.Value);
        }
        else
        {
            writer.WriteNull();
        }
    }

    // Every generated open enum has a static Parse(string) that returns the shared instance of a known value.
    private static Func<string, ExtensibleEnum> CreateParser(Type type)
    {
        var parse = type.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null)
                    ?? throw new JsonSerializationException($"{type.FullName} has no static Parse(string).");
        if (!typeof(ExtensibleEnum).IsAssignableFrom(parse.ReturnType))
        {
            throw new JsonSerializationException($"{type.FullName}.Parse(string) does not return an {nameof(ExtensibleEnum)}.");
        }

        // A bound delegate, not MethodInfo.Invoke: no argument array and no reflection per value read.
        return (Func<string, ExtensibleEnum>)Delegate.CreateDelegate(typeof(Func<string, ExtensibleEnum>), parse);
    }
}
