using System;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Reads and writes an <see cref="ExtensibleEnum"/> as its JSON string.</summary>
internal sealed class ExtensibleEnumConverter : JsonConverter
{
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

        var parse = EnumParsers.For(objectType) ?? throw new JsonSerializationException($"{objectType.FullName} has no static Parse(string) returning it.");
        return parse((string)reader.Value!);
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
}
