using System;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// What an error body says, whatever its shape: OpenAI's <c>{"error": {"message", "type", "code", "param"}}</c> with
/// members of any JSON kind, <c>{"error": "text"}</c> (Ollama), <c>{"detail": …}</c> (FastAPI servers such as vLLM),
/// <c>{"message": …}</c>; anything else (plain text, HTML, an empty body, JSON too deep to read) says nothing. A member
/// that is not a string is kept as its JSON text; reading never throws. Parsed once per exception.
/// </summary>
internal sealed class ErrorBody
{
    private static readonly ErrorBody None = new(null, null, null, null);

    private ErrorBody(string? message, string? type, string? code, string? param)
    {
        Message = message;
        Type = type;
        Code = code;
        Param = param;
    }

    public string? Message { get; }

    public string? Type { get; }

    public string? Code { get; }

    public string? Param { get; }

    /// <summary>Whether the body had one of the known error shapes.</summary>
    public bool IsKnownShape => Message != null || Type != null || Code != null || Param != null;

    /// <summary>
    /// Whether <paramref name="json"/> is an object with a top-level <c>error</c> member that is an object or a string:
    /// an error the server sent with a success status, in an answer or a stream event. Cheap unless the text holds
    /// <c>"error"</c> at all.
    /// </summary>
    public static bool IsErrorPayload(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\"error\""u8) < 0)
        {
            return false;
        }

        try
        {
#if NETSTANDARD2_0
            var text = Encoding.UTF8.GetString(json.ToArray());
#else
            var text = Encoding.UTF8.GetString(json);
#endif
            using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            return JToken.ReadFrom(reader) is JObject root && root["error"] is JObject or JValue { Type: JTokenType.String };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static ErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{')
        {
            return None;
        }

        JObject root;
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };
            if (JToken.ReadFrom(reader) is not JObject parsed)
            {
                return None;
            }

            root = parsed;
        }
        catch (JsonException)
        {
            return None;
        }

        switch (root["error"])
        {
            case JObject error:
                return new ErrorBody(Text(error["message"]), Text(error["type"]), Text(error["code"]), Text(error["param"]));
            case JValue { Type: JTokenType.String } text:
                return new ErrorBody((string?)text, null, null, null);
        }

        return Text(root["detail"]) is { } detail ? new ErrorBody(detail, null, null, null)
            : Text(root["message"]) is { } message ? new ErrorBody(message, Text(root["type"]), Text(root["code"]), null)
            : None;
    }

    // A string as it is, another scalar in its invariant form, an object or array as compact JSON; null for null or absent.
    private static string? Text(JToken? token) => token switch
    {
        null or { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.String } text => (string?)text,
        JValue value => value.Type == JTokenType.Boolean
            ? ((bool)value.Value! ? "true" : "false")
            : System.Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };
}
