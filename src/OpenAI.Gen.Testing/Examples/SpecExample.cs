using System.Collections.Generic;
using System.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>One <c>x-oaiMeta</c> example of a spec: an operation example (request and response) or an object example.</summary>
public sealed class SpecExample
{
    private readonly List<ExamplePart> _parts = new();

    internal SpecExample(string operation, string title, string? httpMethod, string? httpPath, string? answerMediaType = null, string? streamSchemaName = null, string? formSchemaName = null)
    {
        FormSchemaName = formSchemaName;
        Operation = operation;
        Title = title;
        HttpMethod = httpMethod;
        HttpPath = httpPath;
        AnswerMediaType = answerMediaType;
        StreamSchemaName = streamSchemaName;
    }

    /// <summary>The operationId (e.g. <c>createChatCompletion</c>), or the schema name for an object example.</summary>
    public string Operation { get; }

    /// <summary>The example's title (e.g. <c>Functions</c>); an object example's <c>x-oaiMeta.name</c>.</summary>
    public string Title { get; }

    /// <summary>The HTTP method in lower case, or null for an object example.</summary>
    public string? HttpMethod { get; }

    /// <summary>The operation's path (e.g. <c>/chat/completions</c>), or null for an object example.</summary>
    public string? HttpPath { get; }

    /// <summary>The media type of the operation's first successful answer (<c>application/json</c>, <c>audio/mpeg</c>…), or null when it has no body.</summary>
    internal string? AnswerMediaType { get; }

    /// <summary>The schema of the events of the operation's <c>text/event-stream</c> answer, or null when the spec gives none.</summary>
    internal string? StreamSchemaName { get; }

    /// <summary>
    /// The component schema of the operation's <c>multipart/form-data</c> request (an upload), or null when it takes no
    /// form: a request example written as <c>curl -F</c> fields is checked against it, with no DTO round trip.
    /// </summary>
    internal string? FormSchemaName { get; }

    /// <summary>Its parts, in spec order.</summary>
    public IReadOnlyList<ExamplePart> Parts => _parts;

    /// <summary>The request part, or null when the operation takes no request body.</summary>
    public ExamplePart? Request => _parts.FirstOrDefault(p => p.Kind == ExamplePartKind.Request);

    /// <summary>The response part, or null for an object example.</summary>
    public ExamplePart? Response => _parts.FirstOrDefault(p => p.Kind == ExamplePartKind.Response);

    internal void Add(ExamplePart part) => _parts.Add(part);
}
