using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Reads and writes <see cref="CompletionPrompt"/>. The first item of an array decides its shape (strings, token IDs
/// or token-ID arrays); every other item must have the same shape.
/// </summary>
internal sealed class CompletionPromptConverter : JsonConverter
{
    private const string Expected = "a string, an array of strings, an array of token IDs (integers) or an array of token-ID arrays for 'prompt'";
    private const string TokenId = "a token ID (an integer)";

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(CompletionPrompt);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.TokenType switch
    {
        JsonToken.Null => null,
        JsonToken.String => CompletionPrompt.FromString((string)reader.Value!),
        JsonToken.StartArray => ReadArray(reader),
        _ => throw UnionJson.Mismatch(reader, Expected),
    };

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not CompletionPrompt prompt)
        {
            writer.WriteNull();
        }
        else if (prompt.TryGetString(out var text))
        {
            writer.WriteValue(text);
        }
        else if (prompt.TryGetStrings(out var texts))
        {
            WriteArray(writer, texts, writer.WriteValue);
        }
        else if (prompt.TryGetTokens(out var tokens))
        {
            WriteArray(writer, tokens, writer.WriteValue);
        }
        else if (prompt.TryGetTokenArrays(out var tokenArrays))
        {
            WriteArray(writer, tokenArrays, tokenArray => WriteArray(writer, tokenArray, writer.WriteValue));
        }
    }

    private static CompletionPrompt ReadArray(JsonReader reader)
    {
        JsonToken? shape = null;
        var strings = new List<string>();
        var tokens = new List<int>();
        var tokenArrays = new List<List<int>>();
        UnionJson.ReadItems(reader, item =>
        {
            shape ??= item.TokenType is JsonToken.String or JsonToken.Integer or JsonToken.StartArray
                ? item.TokenType
                : throw UnionJson.Mismatch(item, "a string, " + TokenId + " or an array of token IDs as an item of 'prompt'");
            switch (shape)
            {
                case JsonToken.String:
                    strings.Add(UnionJson.ReadString(item, "a string, like the first item of 'prompt'"));
                    break;
                case JsonToken.Integer:
                    tokens.Add(UnionJson.ReadInt32(item, TokenId + ", like the first item of 'prompt'"));
                    break;
                default:
                    tokenArrays.Add(item.TokenType == JsonToken.StartArray
                        ? UnionJson.ReadArray(item, t => UnionJson.ReadInt32(t, TokenId))
                        : throw UnionJson.Mismatch(item, "an array of token IDs, like the first item of 'prompt'"));
                    break;
            }
        });

        return shape switch
        {
            JsonToken.Integer => CompletionPrompt.FromTokens(tokens),
            JsonToken.StartArray => CompletionPrompt.FromTokenArrays(tokenArrays),
            _ => CompletionPrompt.FromStrings(strings),
        };
    }

    private static void WriteArray<T>(JsonWriter writer, IEnumerable<T> items, Action<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(item);
        }

        writer.WriteEndArray();
    }
}
