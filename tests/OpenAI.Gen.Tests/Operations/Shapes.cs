using System.Collections.Generic;
using Newtonsoft.Json;

namespace OpenAI.Gen.Tests.Operations;

/// <summary>
/// Operation descriptions of the shapes the 2026-05-13 spec has and the committed seed spec lacks, written as the client
/// template writes them, so that the core is tested on each shape.
/// </summary>
internal static class Shapes
{
    private static readonly OperationAnswer[] JsonAnswer = { new("200", "application/json") };

    /// <summary><c>GET chat/completions/{completion_id}/messages</c> with the list's query parameters and a header.</summary>
    public static readonly OpenAIOperation GetMessages = new(
        "getChatMessages",
        "GET",
        "chat/completions/{completion_id}/messages",
        new[]
        {
            new OperationParameter("completion_id", ParameterLocation.Path, ParameterStyle.Simple, explode: false, required: true),
            new OperationParameter("after", ParameterLocation.Query, ParameterStyle.Form, explode: true, required: false),
            new OperationParameter("limit", ParameterLocation.Query, ParameterStyle.Form, explode: true, required: false),
            new OperationParameter("include", ParameterLocation.Query, ParameterStyle.Form, explode: true, required: false),
            new OperationParameter("metadata", ParameterLocation.Query, ParameterStyle.DeepObject, explode: true, required: false),
            new OperationParameter("stream", ParameterLocation.Query, ParameterStyle.Form, explode: true, required: false),
            new OperationParameter("OpenAI-Beta", ParameterLocation.Header, ParameterStyle.Simple, explode: false, required: false),
        },
        new string[0],
        JsonAnswer);

    /// <summary>An operation of <paramref name="method"/> on <c>things/{id}</c> with a JSON body.</summary>
    public static OpenAIOperation WithMethod(string method) => new(
        "thing" + method,
        method,
        "things/{id}",
        new[] { new OperationParameter("id", ParameterLocation.Path, ParameterStyle.Simple, explode: false, required: true) },
        new[] { "application/json" },
        new[] { new OperationAnswer("200", "application/json"), new OperationAnswer("204", string.Empty) });

    /// <summary><c>POST audio/transcriptions</c>: a multipart body.</summary>
    public static readonly OpenAIOperation Upload = new("createTranscription", "POST", "audio/transcriptions", new OperationParameter[0], new[] { "multipart/form-data" }, JsonAnswer);

    /// <summary><c>POST oauth/token</c>: a form-urlencoded body.</summary>
    public static readonly OpenAIOperation Form = new("token", "POST", "oauth/token", new OperationParameter[0], new[] { "application/x-www-form-urlencoded" }, JsonAnswer);

    /// <summary><c>GET files/{file_id}/content</c>: a binary answer.</summary>
    public static readonly OpenAIOperation Download = new(
        "downloadFile",
        "GET",
        "files/{file_id}/content",
        new[] { new OperationParameter("file_id", ParameterLocation.Path, ParameterStyle.Simple, explode: false, required: true) },
        new string[0],
        new[] { new OperationAnswer("200", "application/octet-stream") });

    /// <summary><c>POST audio/speech</c>: a JSON request, an audio answer.</summary>
    public static readonly OpenAIOperation Speech = new("createSpeech", "POST", "audio/speech", new OperationParameter[0], new[] { "application/json" }, new[] { new OperationAnswer("200", "audio/mpeg") });

    /// <summary><c>POST audio/translations</c> answering text.</summary>
    public static readonly OpenAIOperation Text = new("translate", "POST", "audio/translations", new OperationParameter[0], new[] { "application/json" }, new[] { new OperationAnswer("200", "text/plain") });

    /// <summary><c>DELETE models/{model}</c>, whose answer has no body.</summary>
    public static readonly OpenAIOperation Delete = new(
        "deleteModel",
        "DELETE",
        "models/{model}",
        new[] { new OperationParameter("model", ParameterLocation.Path, ParameterStyle.Simple, explode: false, required: true) },
        new string[0],
        new[] { new OperationAnswer("204", string.Empty) });

    /// <summary><c>POST responses</c>: named events.</summary>
    public static readonly OpenAIOperation Responses = new("createResponse", "POST", "responses", new OperationParameter[0], new[] { "application/json" }, new[] { new OperationAnswer("200", "application/json"), new OperationAnswer("200", "text/event-stream") });

    /// <summary><c>GET chat/completions</c>: a cursor-paginated list.</summary>
    public static readonly OpenAIOperation List = new(
        "listChatCompletions",
        "GET",
        "chat/completions",
        new[]
        {
            new OperationParameter("after", ParameterLocation.Query, ParameterStyle.Form, explode: true, required: false),
            new OperationParameter("limit", ParameterLocation.Query, ParameterStyle.Form, explode: true, required: false),
        },
        new string[0],
        JsonAnswer);
}

/// <summary>A page of a cursor-paginated list, as the spec's list objects are.</summary>
internal sealed class Page
{
    [JsonProperty("data")]
    public List<Item> Data { get; set; } = new();

    [JsonProperty("has_more")]
    public bool? HasMore { get; set; }

    [JsonProperty("last_id")]
    public string? LastId { get; set; }
}

/// <summary>An item of a <see cref="Page"/>, or any JSON answer with an id.</summary>
internal sealed class Item
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;
}

/// <summary>The event union of a named-event stream, as the spec's tagged unions are generated.</summary>
[JsonConverter(typeof(JsonInheritanceConverter), "type")]
[JsonInheritance("response.output_text.delta", typeof(TextDeltaEvent))]
[JsonInheritance("response.completed", typeof(CompletedEvent))]
[JsonInheritance("*", typeof(UnknownEvent))]
internal abstract class ResponseEvent
{
}

/// <summary><c>response.output_text.delta</c>.</summary>
internal sealed class TextDeltaEvent : ResponseEvent
{
    [JsonProperty("delta")]
    public string Delta { get; set; } = string.Empty;
}

/// <summary><c>response.completed</c>.</summary>
internal sealed class CompletedEvent : ResponseEvent
{
    [JsonProperty("response")]
    public Item? Response { get; set; }
}

/// <summary>An event type this client does not know, with all its members kept.</summary>
internal sealed class UnknownEvent : ResponseEvent
{
    [JsonExtensionData]
    public IDictionary<string, object> Members { get; set; } = new Dictionary<string, object>();
}
