using System;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Reads and writes <see cref="ChatCompletionFunctionCallChoice"/>: a JSON string (mode) or a <c>{"name": …}</c> object.</summary>
internal sealed class ChatCompletionFunctionCallChoiceConverter : JsonConverter
{
    private const string Expected = "a string (\"none\", \"auto\") or an object naming a function ({\"name\": …}) for 'function_call'";

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(ChatCompletionFunctionCallChoice);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => ChatCompletionFunctionCallChoice.FromMode((string)reader.Value!),
        JsonToken.StartObject => ChatCompletionFunctionCallChoice.FromFunction(serializer.Deserialize<ChatCompletionFunctionCallOption>(reader)!),
        _ => throw UnionJson.Mismatch(reader, Expected),
    };

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not ChatCompletionFunctionCallChoice choice)
        {
            writer.WriteNull();
        }
        else if (choice.TryGetMode(out var mode))
        {
            writer.WriteValue(mode);
        }
        else if (choice.TryGetFunction(out var function))
        {
            serializer.Serialize(writer, function);
        }
    }
}
