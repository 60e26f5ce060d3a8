using System;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Reads and writes <see cref="ChatCompletionRequestUserMessageContent"/>: a JSON string, or an array of content-part
/// objects (each read by its <c>type</c>, unknown types kept).
/// </summary>
internal sealed class ChatCompletionRequestUserMessageContentConverter : JsonConverter
{
    private const string Expected = "a string or an array of content parts for the user message 'content'";

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(ChatCompletionRequestUserMessageContent);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => ChatCompletionRequestUserMessageContent.FromText((string)reader.Value!),
        JsonToken.StartArray => ChatCompletionRequestUserMessageContent.FromParts(UnionJson.ReadArray(reader, item =>
            item.TokenType == JsonToken.StartObject
                ? serializer.Deserialize<ChatCompletionRequestMessageContentPart>(item)!
                : throw UnionJson.Mismatch(item, "a content part object with a 'type'"))),
        _ => throw UnionJson.Mismatch(reader, Expected),
    };

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not ChatCompletionRequestUserMessageContent content)
        {
            writer.WriteNull();
        }
        else if (content.TryGetText(out var text))
        {
            writer.WriteValue(text);
        }
        else if (content.TryGetParts(out var parts))
        {
            writer.WriteStartArray();
            foreach (var part in parts)
            {
                serializer.Serialize(writer, part, typeof(ChatCompletionRequestMessageContentPart));
            }

            writer.WriteEndArray();
        }
    }
}
