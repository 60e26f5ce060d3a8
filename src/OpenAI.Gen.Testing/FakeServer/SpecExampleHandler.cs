using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Generation;

namespace OpenAI.Gen.Testing;

/// <summary>
/// A fake OpenAI server inside an <see cref="HttpClient"/>: answers the spec's operations that have x-oaiMeta examples
/// (routed by method and path template, <c>{parameter}</c> segments matching any value) with those examples, so code
/// using <see cref="OpenAIClient"/> can be tested with no network. An operation whose answer is binary (audio, images,
/// files) gets a small generated body of its media type; one answering text gets its example's text; one whose examples
/// show no answer a sample made from its response schema.
/// <c>"stream": true</c> gets the streaming example as server-sent events ended by <c>data: [DONE]</c>
/// (where the spec elides its middle chunks, the text of the non-streamed example asking the same is streamed instead);
/// a request with <c>tools</c> (or <c>functions</c>) gets the <c>Functions</c> example (streamed as chunks when asked); <c>"logprobs": true</c> the
/// <c>Logprobs</c> example; anything else <c>Default</c> (or the operation's first non-streaming example). Where the spec
/// has <c>stream_options</c>, a stream asked with <c>include_usage</c> ends, as the API's does, with a chunk of no
/// choices carrying the usage of the whole answer to the same request (else of the <c>Default</c> one), and where the
/// chunk schema has a nullable <c>usage</c>, every chunk before it carries <c>"usage": null</c>.
/// Every request body is validated against the operation's request schema first; a violation gets a 400 with an
/// OpenAI-style error body naming the member at fault.
/// </summary>
/// <example><code>
/// var client = new OpenAIClient(new HttpClient(new SpecExampleHandler()), "test-key");
/// </code></example>
public class SpecExampleHandler : HttpMessageHandler
{
    private readonly ExampleValidator _validator;
    private readonly SpecDocument _spec;
    private readonly IReadOnlyList<FakeOperation> _operations;
    private int _requestCount;

    /// <summary>A handler answering from the spec this package was built with.</summary>
    public SpecExampleHandler()
        : this(SpecDocument.Embedded)
    {
    }

    /// <summary>A handler answering from the examples of <paramref name="spec"/>.</summary>
    public SpecExampleHandler(SpecDocument spec)
    {
        if (spec == null)
        {
            throw new ArgumentNullException(nameof(spec));
        }

        _validator = new ExampleValidator(spec);
        _spec = spec;
        _operations = spec.Examples
            .Where(e => e.HttpPath != null && e.HttpMethod != null)
            .GroupBy(e => (Method: e.HttpMethod!.ToUpperInvariant(), Path: e.HttpPath!))
            .Select(g => new FakeOperation(
                g.Key.Method,
                g.Key.Path,
                g.First().Request?.SchemaName,
                g.First().Request?.SchemaName is { } name && SchemaMembers.Properties(spec.Schema(name)).ContainsKey("stream_options"),
                SchemaMembers.Properties(ChunkSchema(spec, g.First())).TryGetValue("usage", out var usage) && usage.IsNullable(SchemaType.OpenApi3),
                WithUsage(Unelided(g.Select(Answer).OfType<FakeAnswer>().ToList())),
                g.First().AnswerMediaType,
                g.Select(e => e.Response?.Text).FirstOrDefault(t => t != null)))
            // Longest path first ("/v1/chat/completions" also ends with "/completions"), then the one with more fixed segments.
            .OrderByDescending(o => o.Length)
            .ThenByDescending(o => o.Literals)
            .ToList();
    }

    /// <summary>How many requests it has answered (errors included).</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request == null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var number = Interlocked.Increment(ref _requestCount);
        var mediaType = request.Content?.Headers.ContentType?.MediaType;
        var body = request.Content == null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
        var response = Answer(request, mediaType, body);
        response.RequestMessage = request;
        response.Headers.TryAddWithoutValidation("x-request-id", "req_fake_" + number.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private HttpResponseMessage Answer(HttpRequestMessage request, string? mediaType, string? body)
    {
        var path = request.RequestUri?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        var segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var routes = _operations.Where(o => o.Matches(segments)).ToList();
        if (routes.Count == 0)
        {
            return OpenAIErrorResponse.Create(HttpStatusCode.NotFound, $"Unknown request URL: {request.Method} {path}. The fake server answers only the spec's operations with examples: {string.Join(", ", _operations.Select(o => o.Method + " " + o.Path))}.", "invalid_request_error", null, "unknown_url");
        }

        var operation = routes.FirstOrDefault(o => string.Equals(request.Method.Method, o.Method, StringComparison.OrdinalIgnoreCase));
        if (operation == null)
        {
            return OpenAIErrorResponse.Create(HttpStatusCode.MethodNotAllowed, $"{request.Method} is not allowed on {routes[0].Path}; use {string.Join(" or ", routes.Where(r => r.Path == routes[0].Path).Select(r => r.Method))}.", "invalid_request_error", null, "method_not_allowed");
        }

        JToken json;
        if (IsForm(mediaType))
        {
            // Form bodies (uploads) are not JSON: only their urlencoded fields are read, to see whether they ask for a stream.
            json = FormFields(mediaType, body);
        }
        else if (string.IsNullOrEmpty(body) && !_spec.RequestBodyRequired(operation.Method, operation.Path))
        {
            // No body where the spec does not require one (a curl example with -d '').
            json = new JObject();
        }
        else
        {
            try
            {
                json = LenientJson.ParseStrict(body ?? string.Empty);
            }
            catch (JsonReaderException e)
            {
                return OpenAIErrorResponse.Create(HttpStatusCode.BadRequest, $"The request body is not valid JSON: {e.Message}", "invalid_request_error", null, "invalid_json");
            }

            if (operation.RequestSchema != null && _validator.SchemaErrors(json, operation.RequestSchema) is { Count: > 0 } errors)
            {
                var first = errors[0];
                var message = $"Invalid request body ({operation.RequestSchema}): " + string.Join("; ", errors.Take(3).Select(e => $"{Param(e.Path) ?? "body"}: {e.Message}"))
                              + (errors.Count > 3 ? $"; and {errors.Count - 3} more" : string.Empty);
                return OpenAIErrorResponse.Create(HttpStatusCode.BadRequest, message, "invalid_request_error", Param(first.Path), ErrorCode(first.Code));
            }
        }

        var streamed = json["stream"] is JValue { Value: true or "true" };
        if (!streamed && AnswerMediaTypes.IsBinary(operation.AnswerMediaType))
        {
            return FakeBody.Binary(operation.AnswerMediaType!);
        }

        var answer = Choose(operation, json as JObject ?? new JObject(), streamed);
        if (!streamed && answer == null && AnswerMediaTypes.IsText(operation.AnswerMediaType) && operation.TextAnswer is { } text)
        {
            return FakeBody.Text(operation.AnswerMediaType!, text);
        }

        // An operation whose examples show no answer (the spec leaves the response empty) gets one made from its schema.
        if (!streamed && answer == null && _spec.AnswerSchema(operation.Method, operation.Path) is { } schema)
        {
            return Json(new SampleJsonDataGenerator().Generate(schema));
        }

        // An answer the spec gives no body (accepting a call, a file's content left undescribed): its status, empty.
        if (!streamed && answer == null && _spec.EmptyAnswerStatus(operation.Method, operation.Path) is { } status)
        {
            return new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(Array.Empty<byte>()) };
        }

        if (answer == null)
        {
            return OpenAIErrorResponse.Create(HttpStatusCode.BadRequest, $"The spec has no {(streamed ? "streaming" : "non-streaming")} example for {operation.Path} to answer with.", "invalid_request_error", streamed ? "stream" : null, "no_example");
        }

        if (!streamed)
        {
            return Json(answer.Values[0]);
        }

        var includeUsage = operation.StreamOptions && json["stream_options"]?["include_usage"]?.Type == JTokenType.Boolean && (bool)json["stream_options"]!["include_usage"]!;
        if (!includeUsage || answer.Usage == null)
        {
            return EventStream(answer.Values);
        }

        // Where the chunk schema has a nullable usage, the chunks before the usage chunk carry it as null, as the API sends them.
        var chunks = operation.ChunkUsage ? answer.Values.Select(WithoutUsage) : answer.Values;
        return EventStream(chunks.Append(UsageChunk(answer.Values[answer.Values.Count - 1], answer.Usage)));
    }

    private static JToken WithoutUsage(JToken chunk)
    {
        if (chunk is not JObject value)
        {
            return chunk;
        }

        var copy = (JObject)value.DeepClone();
        copy["usage"] = JValue.CreateNull();
        return copy;
    }

    /// <summary>
    /// The schema of the operation's streamed chunks: its <c>text/event-stream</c> answer's, else the one the example
    /// validator knows for it, else its JSON answer's (legacy completions stream values of their response schema).
    /// </summary>
    private static NJsonSchema.JsonSchema? ChunkSchema(SpecDocument spec, SpecExample example)
    {
        if (example.StreamSchemaName is { } events)
        {
            return spec.Schema(events);
        }

        return new ExampleValidationOptions().StreamChunkSchemas.TryGetValue(example.Operation, out var chunks)
            ? spec.Schema(chunks)
            : spec.AnswerSchema(example.HttpMethod!, example.HttpPath!);
    }

    /// <summary>The last chunk's envelope with no choices and <paramref name="usage"/>, as the API ends a stream asked <c>include_usage</c>.</summary>
    private static JToken UsageChunk(JToken last, JObject usage)
    {
        var chunk = (JObject)last.DeepClone();
        chunk["choices"] = new JArray();
        chunk["usage"] = usage.DeepClone();
        return chunk;
    }

    private static FakeAnswer? Choose(FakeOperation operation, JObject request, bool streamed)
    {
        FakeAnswer? Titled(string title) => operation.Answers.FirstOrDefault(a => a.Title == title && a.Streamed == streamed);

        var wantsTools = request["tools"] is JArray { Count: > 0 } || request["functions"] is JArray { Count: > 0 };
        if (streamed)
        {
            var stream = Titled("Streaming") ?? operation.Answers.FirstOrDefault(a => a.Streamed);
            var tools = wantsTools ? operation.Answers.FirstOrDefault(a => a.Title == "Functions" && !a.Streamed) : null;
            return tools != null && stream != null && WholeAsStream.Chunks(tools.Values[0], stream.Values[0]) is { } chunks ? tools.With(chunks) : stream;
        }

        var wantsLogprobs = request["logprobs"]?.Type == JTokenType.Boolean && (bool)request["logprobs"]!;
        return operation.Answers.FirstOrDefault(a => !a.Streamed && a.Values.Count == 1 && SameRequestAnyModel(a.Request, request))
               ?? (wantsTools ? Titled("Functions") : null)
               ?? (wantsLogprobs ? Titled("Logprobs") : null)
               ?? Titled("Default")
               ?? operation.Answers.FirstOrDefault(a => !a.Streamed && a.Values.Count == 1);
    }

    // An example's own request (a conformance run may name another model) gets that example's answer.
    private static bool SameRequestAnyModel(JToken? example, JObject request)
    {
        if (example is not JObject e)
        {
            return false;
        }

        var (a, b) = ((JObject)e.DeepClone(), (JObject)request.DeepClone());
        a.Remove("model");
        b.Remove("model");
        return ElidedStream.SameRequest(a, b);
    }

    private static FakeAnswer? Answer(SpecExample example)
    {
        if (example.Response == null)
        {
            return null;
        }

        // Repairs are applied (and listed by ExampleValidator); an answer whose text cannot be read is left out.
        var findings = new List<ExampleFinding>();
        var values = ExampleValidator.Read(example.Response, findings, out _);
        var request = example.Request == null ? null : ExampleValidator.Read(example.Request, new List<ExampleFinding>(), out _).FirstOrDefault()?.Token;
        var elided = findings.Any(f => f.Code == DefectCodes.ElisionLine);
        return values.Count == 0 ? null : new FakeAnswer(example.Title, ExampleValidator.IsStreamed(example), values.Select(v => v.Token).ToList(), request, elided);
    }

    /// <summary>Streaming examples with the usage of the whole answer to the same request, else of <c>Default</c> (or the first whole answer with usage).</summary>
    private static List<FakeAnswer> WithUsage(List<FakeAnswer> answers)
    {
        var fallback = answers.FirstOrDefault(a => !a.Streamed && a.Title == "Default" && a.Usage != null) ?? answers.FirstOrDefault(a => !a.Streamed && a.Usage != null);
        return answers.Select(a => a.Streamed
                ? a.WithUsage((answers.FirstOrDefault(w => !w.Streamed && w.Usage != null && ElidedStream.SameRequest(a.Request, w.Request)) ?? fallback)?.Usage)
                : a)
            .ToList();
    }

    /// <summary>Elided streams filled in from the non-streamed answer to the same request, where there is one (see <see cref="ElidedStream"/>).</summary>
    private static List<FakeAnswer> Unelided(List<FakeAnswer> answers) =>
        answers.Select(a =>
                a.Streamed && a.Elided
                && answers.FirstOrDefault(w => !w.Streamed && w.Values.Count == 1 && ElidedStream.SameRequest(a.Request, w.Request)) is { } whole
                && ElidedStream.Fill(a.Values, whole.Values[0]) is { } filled
                    ? a.With(filled)
                    : a)
            .ToList();

    private static HttpResponseMessage Json(JToken value) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(value.ToString(Formatting.Indented), Encoding.UTF8, "application/json"),
    };

    private static HttpResponseMessage EventStream(IEnumerable<JToken> chunks)
    {
        var events = new StringBuilder();
        foreach (var chunk in chunks)
        {
            // An event that says its own type (a variant of a tagged event union) is named by it, as the API sends it.
            if (chunk["type"] is JValue { Type: JTokenType.String } type)
            {
                events.Append("event: ").Append((string)type!).Append('\n');
            }

            events.Append("data: ").Append(chunk.ToString(Formatting.None)).Append("\n\n");
        }

        events.Append("data: [DONE]\n\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(events.ToString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static bool IsForm(string? mediaType) =>
        string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase) || string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static JObject FormFields(string? mediaType, string? body)
    {
        var fields = new JObject();
        if (!string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(body))
        {
            return fields;
        }

        foreach (var pair in body!.Split('&'))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString((eq < 0 ? pair : pair.Substring(0, eq)).Replace('+', ' '));
            fields[name] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
        }

        return fields;
    }

    private static string? Param(string path) => path.StartsWith("#/", StringComparison.Ordinal) ? path.Substring(2) : null;

    private static string ErrorCode(string kind) => kind switch
    {
        "PropertyRequired" => "missing_required_parameter",
        _ when kind.EndsWith("Expected", StringComparison.Ordinal) => "invalid_type",
        _ => "invalid_value",
    };
}
