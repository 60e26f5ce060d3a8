using System;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Reads and writes <see cref="StopSequences"/>: a JSON string or an array of strings.</summary>
internal sealed class StopSequencesConverter : JsonConverter
{
    private const string Expected = "a string or an array of strings for 'stop'";

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(StopSequences);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => StopSequences.FromString((string)reader.Value!),
        JsonToken.StartArray => StopSequences.FromList(UnionJson.ReadArray(reader, r => UnionJson.ReadString(r, "a string (stop sequence)"))),
        _ => throw UnionJson.Mismatch(reader, Expected),
    };

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not StopSequences stop)
        {
            writer.WriteNull();
            return;
        }

        if (stop.TryGetString(out var single))
        {
            writer.WriteValue(single);
            return;
        }

        writer.WriteStartArray();
        foreach (var sequence in stop.Sequences)
        {
            writer.WriteValue(sequence);
        }

        writer.WriteEndArray();
    }
}
