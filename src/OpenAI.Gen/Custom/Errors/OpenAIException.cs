using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// An error answer of the OpenAI API (or of the client reading it): the HTTP status, the parsed
/// <c>error</c> object (<see cref="ErrorMessage"/>, <see cref="ErrorType"/>, <see cref="ErrorCode"/>,
/// <see cref="Param"/>) and the request id. Never holds the API key.
/// </summary>
public partial class OpenAIException : Exception
{
    private const int ExcerptLength = 200;

    /// <summary>Creates the exception from an HTTP answer (the generated client calls this).</summary>
    public OpenAIException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(Describe(message, statusCode, response, headers), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
        RequestId = Header(headers, "x-request-id");
        var error = ParseError(response);
        ErrorMessage = (string?)error?["message"];
        ErrorType = (string?)error?["type"];
        ErrorCode = error?["code"] is JValue { Value: not null } code ? code.ToString(CultureInvariant) : null;
        Param = (string?)error?["param"];
    }

    /// <summary>The HTTP status code, or 0 when the failure was not an HTTP answer.</summary>
    public int StatusCode { get; }

    /// <summary>The body of the answer as received.</summary>
    public string? Response { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The <c>x-request-id</c> header, to quote to OpenAI support.</summary>
    public string? RequestId { get; }

    /// <summary><c>error.message</c> of the body.</summary>
    public string? ErrorMessage { get; }

    /// <summary><c>error.type</c> of the body, e.g. <c>invalid_request_error</c>.</summary>
    public string? ErrorType { get; }

    /// <summary><c>error.code</c> of the body, e.g. <c>rate_limit_exceeded</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.param</c> of the body: the request member at fault.</summary>
    public string? Param { get; }

    private static readonly System.Globalization.CultureInfo CultureInvariant = System.Globalization.CultureInfo.InvariantCulture;

    private static string? Header(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private static JObject? ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JObject.Parse(body!)["error"] as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(string message, int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        var error = ParseError(body);
        var parts = new List<string>();
        if (statusCode != 0)
        {
            parts.Add($"HTTP {statusCode}");
        }

        if (error != null)
        {
            parts.Add((string?)error["message"] ?? message);
            foreach (var key in new[] { "type", "code", "param" })
            {
                if (error[key] is JValue { Value: not null } v)
                {
                    parts.Add($"{key}: {v}");
                }
            }
        }
        else
        {
            parts.Add(message);
            if (!string.IsNullOrWhiteSpace(body))
            {
                var flat = string.Join(" ", body!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                parts.Add("body: " + (flat.Length > ExcerptLength ? flat.Substring(0, ExcerptLength) + "…" : flat));
            }
        }

        if (Header(headers, "x-request-id") is { } id)
        {
            parts.Add("request id: " + id);
        }

        return string.Join("; ", parts);
    }
}
