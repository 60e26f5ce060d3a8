using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 6: what the client template needs to know about an operation that NSwag's model does not say, as vendor
// extensions on the operation (string values, which the template compares): whether and how it streams, and whether
// it is a cursor-paginated list.
public sealed partial class SpecNormalizer
{
    /// <summary>The type of the events of a streaming operation (the schema of its <c>text/event-stream</c> answer).</summary>
    public const string StreamExtension = "x-oaigen-stream";

    /// <summary><c>named</c> when each event is a variant of a union tagged by a member of its data (the event's name), else <c>unnamed</c>.</summary>
    public const string StreamEventsExtension = "x-oaigen-stream-events";

    /// <summary><c>stream</c> when the request has a boolean <c>stream</c> member the streaming call sets; empty when the caller's request selects the stream itself.</summary>
    public const string StreamSwitchExtension = "x-oaigen-stream-switch";

    /// <summary>The item type of a cursor-paginated list (<c>data</c>, <c>has_more</c>, <c>last_id</c>, an <c>after</c> query parameter).</summary>
    public const string PagesExtension = "x-oaigen-pages";

    /// <summary>
    /// On an answer: its media types (space-separated, the spec's order, the event stream taken out), as NSwag's model
    /// gives only one per answer (JSON, where the answer offers it besides a binary body).
    /// </summary>
    public const string MediaTypesExtension = "x-oaigen-media-types";

    private const string EventStream = "text/event-stream";

    private void AnnotateOperations(JObject doc)
    {
        var configured = new Dictionary<string, string>(_options.Streams, StringComparer.Ordinal);
        foreach (var (operationId, operation) in Operations(doc))
        {
            var events = TakeEventStream(operationId, operation);
            if (events == null && configured.TryGetValue(operationId, out var fallback))
            {
                if (_schemas[fallback] == null)
                {
                    _result.Warnings.Add($"OAIGEN011: the stream of '{operationId}' is configured with events '{fallback}', a schema this spec does not define; no streaming method is generated.");
                }
                else
                {
                    events = fallback;
                    _result.Notes.Add($"'{operationId}' streams {fallback} as configured: the spec describes its stream in prose only.");
                }
            }

            if (events != null)
            {
                operation[StreamExtension] = events;
                operation[StreamEventsExtension] = IsTaggedUnion(events) ? "named" : "unnamed";
                operation[StreamSwitchExtension] = RequestSchema(operation) is { } request && Member(request, "stream") is { } flag && (string?)flag["type"] == "boolean" ? "stream" : string.Empty;
            }

            if (PageItem(operation) is { } item)
            {
                operation[PagesExtension] = item;
            }

            foreach (var answer in (operation["responses"] as JObject)?.Properties().Select(p => p.Value).OfType<JObject>() ?? Enumerable.Empty<JObject>())
            {
                if (answer["content"] is JObject { Count: > 0 } content)
                {
                    answer[MediaTypesExtension] = string.Join(" ", content.Properties().Select(p => p.Name));
                }
            }
        }
    }

    // The schema name of the operation's event stream, which leaves the answer (NSwag describes one body per answer; the
    // template generates the streaming method from the extension instead). An inline one gets a name.
    private string? TakeEventStream(string operationId, JObject operation)
    {
        foreach (var answer in (operation["responses"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
        {
            if (!answer.Name.StartsWith("2", StringComparison.Ordinal) || answer.Value["content"] is not JObject content || content[EventStream] is not JObject stream)
            {
                continue;
            }

            content.Remove(EventStream);
            if (stream["schema"] is not JObject schema)
            {
                _result.Warnings.Add($"OAIGEN012: '{operationId}' answers {EventStream} without a schema for its events; no streaming method is generated.");
                return null;
            }

            if (SchemaReferences.Target(schema) is { } name)
            {
                return name;
            }

            var hoisted = Unique(Naming.Pascal(operationId) + "StreamEvent");
            _schemas[hoisted] = schema;
            return hoisted;
        }

        return null;
    }

    private bool IsTaggedUnion(string name) =>
        _result.TaggedUnions.ContainsKey(name) || _schemas[name]?["discriminator"] != null;

    private JObject? RequestSchema(JObject operation) =>
        (operation["requestBody"]?["content"] as JObject)?.Properties().FirstOrDefault()?.Value["schema"] is JObject schema ? Resolve(schema) : null;

    // A GET whose answer is a page of a list read by cursor: data (items of a named schema), has_more, last_id, and an
    // "after" query parameter that asks for the page after an item.
    private string? PageItem(JObject operation)
    {
        if (operation.Parent is not JProperty { Name: "get" })
        {
            return null;
        }

        var parameters = (operation["parameters"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();
        if (!parameters.Any(p => (string?)p["name"] == "after" && (string?)p["in"] == "query"))
        {
            return null;
        }

        var answer = (operation["responses"] as JObject)?.Properties().FirstOrDefault(r => r.Name.StartsWith("2", StringComparison.Ordinal));
        if (answer?.Value["content"]?["application/json"]?["schema"] is not JObject schema || Resolve(schema) is not { } page)
        {
            return null;
        }

        var ok = (string?)Member(page, "has_more")?["type"] == "boolean" && (string?)Member(page, "last_id")?["type"] == "string";
        return ok && Member(page, "data") is { } data && (string?)data["type"] == "array" && data["items"] is JObject items
            ? SchemaReferences.Target(items)
            : null;
    }

    private JObject? Resolve(JObject schema) =>
        SchemaReferences.Target(schema) is { } name ? _schemas[name] as JObject : schema;

    // A member of an object schema, its own or one it inherits through allOf, resolved to its schema.
    private JObject? Member(JObject schema, string name)
    {
        if (schema["properties"]?[name] is JObject member)
        {
            return Resolve(member) ?? member;
        }

        foreach (var part in (schema["allOf"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            if (Resolve(part) is { } resolved && Member(resolved, name) is { } inherited)
            {
                return inherited;
            }
        }

        return null;
    }
}
