using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Reading helpers shared by the union converters: exact values, and errors that name the JSON path.</summary>
internal static class UnionJson
{
    /// <summary>An error saying what was <paramref name="expected"/> at the reader's current token, and what came.</summary>
    public static JsonSerializationException Mismatch(JsonReader reader, string expected) =>
        new($"Expected {expected} at '{PathOf(reader)}', got {Describe(reader)}.");

    /// <summary>The string at the current token.</summary>
    public static string ReadString(JsonReader reader, string expected) =>
        reader.TokenType == JsonToken.String ? (string)reader.Value! : throw Mismatch(reader, expected);

    /// <summary>The integer at the current token, which must fit an <see cref="int"/> (token IDs do).</summary>
    public static int ReadInt32(JsonReader reader, string expected)
    {
        if (reader.TokenType == JsonToken.Integer && reader.Value is long or int)
        {
            var value = Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture);
            if (value is >= int.MinValue and <= int.MaxValue)
            {
                return (int)value;
            }
        }

        throw Mismatch(reader, expected);
    }

    /// <summary>Reads the array at the current token into a list, with <paramref name="readItem"/> as in <see cref="ReadItems"/>.</summary>
    public static List<T> ReadArray<T>(JsonReader reader, Func<JsonReader, T> readItem)
    {
        var items = new List<T>();
        ReadItems(reader, r => items.Add(readItem(r)));
        return items;
    }

    /// <summary>
    /// Reads the array at the current token item by item; <paramref name="readItem"/> is called on each item's first
    /// token and must leave the reader on its last. Strings inside are kept as strings whatever the settings.
    /// </summary>
    public static void ReadItems(JsonReader reader, Action<JsonReader> readItem)
    {
        var dateParseHandling = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        try
        {
            NextItem(reader);
            ReadItemsFromCurrent(reader, readItem);
        }
        finally
        {
            reader.DateParseHandling = dateParseHandling;
        }
    }

    /// <summary>
    /// Like <see cref="ReadItems"/>, for a reader already on the first item (or the end) of the array: a caller that
    /// looked at the first item, having moved there with <see cref="NextItem"/> under <see cref="DateParseHandling.None"/>.
    /// </summary>
    public static void ReadItemsFromCurrent(JsonReader reader, Action<JsonReader> readItem)
    {
        var dateParseHandling = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        try
        {
            while (reader.TokenType != JsonToken.EndArray)
            {
                readItem(reader);
                NextItem(reader);
            }
        }
        finally
        {
            reader.DateParseHandling = dateParseHandling;
        }
    }

    /// <summary>Moves to the next item of the array the reader is in (or its end).</summary>
    public static void NextItem(JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonSerializationException($"The JSON ends inside the array at '{PathOf(reader)}'.");
        }
    }

    private static string PathOf(JsonReader reader) => reader.Path.Length == 0 ? "(root)" : reader.Path;

    private static string Describe(JsonReader reader) => reader.TokenType switch
    {
        JsonToken.String => "a string",
        JsonToken.Integer or JsonToken.Float => "the number " + Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
        JsonToken.Boolean => (bool)reader.Value! ? "true" : "false",
        JsonToken.Null or JsonToken.Undefined => "null",
        JsonToken.StartArray => "an array",
        JsonToken.StartObject => "an object",
        // Only a reader that parses dates sees this; the text is already lost, so it is refused rather than guessed.
        JsonToken.Date => "a string the reader parsed as a date (read with DateParseHandling.None, as OpenAIClient.JsonSerializerSettings do, to keep it a string)",
        _ => reader.TokenType.ToString(),
    };
}
