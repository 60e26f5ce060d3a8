using System;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Reads and writes <see cref="ChatCompletionToolChoiceOption"/>: a JSON string (mode) or a named-tool object.</summary>
internal sealed class ChatCompletionToolChoiceOptionConverter : JsonConverter
{
    private const string Expected = "a string (\"none\", \"auto\") or an object naming a function ({\"type\": \"function\", \"function\": {\"name\": …}}) for 'tool_choice'";

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(ChatCompletionToolChoiceOption);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => ChatCompletionToolChoiceOption.FromMode((string)reader.Value!),
        JsonToken.StartObject => ChatCompletionToolChoiceOption.FromNamedTool(serializer.Deserialize<ChatCompletionNamedToolChoice>(reader)!),
        _ => throw UnionJson.Mismatch(reader, Expected),
    };

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not ChatCompletionToolChoiceOption choice)
        {
            writer.WriteNull();
        }
        else if (choice.TryGetMode(out var mode))
        {
            writer.WriteValue(mode);
        }
        else if (choice.TryGetNamedTool(out var namedTool))
        {
            serializer.Serialize(writer, namedTool);
        }
    }
}
