using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>
/// Moves JSON between Microsoft.Extensions.AI (System.Text.Json) and the client's DTOs (Newtonsoft.Json), always as
/// JSON text, so that no value is reinterpreted (no date guessing, numbers kept as written).
/// </summary>
internal static class JsonBridge
{
    // The defaults indent; arguments and results go on the wire compact.
    private static readonly JsonSerializerOptions Options = Compact();

    /// <summary>Parses JSON text into a token the DTOs keep as written.</summary>
    public static JToken ToToken(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
        };
        return JToken.ReadFrom(reader);
    }

    /// <summary>A JSON element as a Newtonsoft token.</summary>
    public static JToken ToToken(JsonElement element) => ToToken(element.GetRawText());

    /// <summary>Any value Microsoft.Extensions.AI carries (a <see cref="JsonElement"/>, a string, a number, a POCO) as a token.</summary>
    public static JToken ToToken(object? value) => value switch
    {
        null => JValue.CreateNull(),
        JsonElement element => ToToken(element),
        JToken token => token,
        _ => ToToken(System.Text.Json.JsonSerializer.Serialize(value, Options.GetTypeInfo(value.GetType()))),
    };

    /// <summary>The text a tool result is sent as: a string as it is, anything else as JSON.</summary>
    public static string ToResultText(object? result) => result switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        _ => Serialize(result),
    };

    /// <summary>Function-call arguments as the JSON object text the API expects.</summary>
    public static string SerializeArguments(IDictionary<string, object?>? arguments) =>
        arguments == null ? "{}" : System.Text.Json.JsonSerializer.Serialize(arguments, Options.GetTypeInfo(typeof(IDictionary<string, object?>)));

    /// <summary>
    /// Function-call arguments from the model's JSON text; empty text (some servers send it for a function without
    /// parameters) is no arguments. Throws <see cref="System.Text.Json.JsonException"/> for text that is not a JSON object.
    /// </summary>
    public static IDictionary<string, object?>? ParseArguments(string json) =>
        string.IsNullOrWhiteSpace(json)
            ? new Dictionary<string, object?>()
            : (IDictionary<string, object?>?)System.Text.Json.JsonSerializer.Deserialize(json, Options.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static JsonSerializerOptions Compact()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions) { WriteIndented = false };
        options.MakeReadOnly();
        return options;
    }

    private static string Serialize(object? value) =>
        value == null ? "null" : System.Text.Json.JsonSerializer.Serialize(value, Options.GetTypeInfo(value.GetType()));
}
