using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>Reads and writes a <see cref="RawJsonUnion"/> as its JSON value.</summary>
public sealed class RawJsonUnionConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => typeof(RawJsonUnion).IsAssignableFrom(objectType);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        reader.TokenType == JsonToken.Null ? null : Activator.CreateInstance(objectType, JToken.Load(reader));

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is RawJsonUnion union)
        {
            union.Json.WriteTo(writer);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
