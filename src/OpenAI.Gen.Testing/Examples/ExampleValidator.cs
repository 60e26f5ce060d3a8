using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Checks the <c>x-oaiMeta</c> examples of a <see cref="SpecDocument"/>: each part's JSON (the curl body for a request)
/// is read leniently with every repair reported, validated against its schema (each chunk of a streamed response
/// against the chunk schema), and round-tripped through its DTO with the client's serializer settings, which must
/// give back the same JSON.
/// </summary>
public sealed class ExampleValidator
{
    private readonly SpecDocument _spec;
    private readonly ExampleValidationOptions _options;
    private readonly JsonSerializerSettings _settings;
    private readonly JsonSerializerSettings _streamSettings;
    private readonly HashSet<ExampleAllowance> _used = new();

    /// <summary>Creates a validator for <paramref name="spec"/>.</summary>
    public ExampleValidator(SpecDocument spec, ExampleValidationOptions? options = null)
    {
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _options = options ?? new ExampleValidationOptions();
        _settings = _options.SerializerSettings ?? OpenAIJson.Default.CopySettings();
        _streamSettings = _options.StreamSerializerSettings ?? _options.SerializerSettings ?? OpenAIJson.Default.CopyChunkSettings();
    }

    /// <summary>Checks every part of the spec.</summary>
    public ExampleReport ValidateAll()
    {
        var results = _spec.Parts.Select(Validate).ToList();
        List<ExampleAllowance> unused;
        lock (_used)
        {
            unused = _options.Allowances.Where(a => !_used.Contains(a)).ToList();
        }

        return new ExampleReport(_spec.SourceName, _options.Strict, results, _spec.Notes, unused);
    }

    /// <summary>Checks one part.</summary>
    public ExamplePartResult Validate(ExamplePart part)
    {
        if (part == null)
        {
            throw new ArgumentNullException(nameof(part));
        }

        var findings = new List<ExampleFinding>();
        var values = Read(part, findings, out var origin);
        var schemaName = SchemaFor(part, values.Count);
        var schemaOutcome = CheckOutcome.NotRun;
        var roundTripOutcome = CheckOutcome.NotRun;
        var formFields = false;
        if (values.Count == 0 && FormOf(part) is { } form)
        {
            formFields = true;
            // An upload: its form fields are checked against the form schema; no JSON DTO reads a form, so no round trip.
            findings.RemoveAll(f => f.Code == DefectCodes.MissingCurlBody);
            var formFindings = CheckSchema(part, part.Example.FormSchemaName, new[] { new ParsedJsonValue(form, 1, 1) }, origin);
            findings.AddRange(formFindings);
            Allow(part, findings);
            schemaOutcome = Outcome(formFindings);
            values = new[] { new ParsedJsonValue(form, 1, 1) };
        }
        else if (values.Count > 0)
        {
            var inline = schemaName == null ? _spec.InlineBodySchema(part) : null;
            var schemaFindings = inline != null ? CheckSchema(inline, $"{part.Example.Operation} {part.Kind.ToString().ToLowerInvariant()} body", values, origin) : CheckSchema(part, schemaName, values, origin);
            var dto = inline != null ? _options.InlineBodyDtoResolver(part.Example.Operation, part.Kind) : schemaName == null ? null : _options.DtoResolver(schemaName);
            var roundTripFindings = CheckRoundTrip(dto, schemaName != null ? "schema " + schemaName : inline != null ? $"the {part.Kind.ToString().ToLowerInvariant()} body schema written in place" : null, values, origin, IsStreamedResponse(part, values.Count) ? _streamSettings : _settings);
            findings.AddRange(schemaFindings);
            findings.AddRange(roundTripFindings);
            Allow(part, findings);
            schemaOutcome = Outcome(schemaFindings);
            roundTripOutcome = Outcome(roundTripFindings);
        }
        else
        {
            Allow(part, findings);
        }

        return new ExamplePartResult(part, _options.Strict, schemaOutcome, roundTripOutcome, findings, values.Select(v => v.Token).ToList(), formFields);
    }

    /// <summary>The schema errors of <paramref name="value"/> against component schema <paramref name="schemaName"/>, as (code, path, message).</summary>
    internal IReadOnlyList<SchemaError> SchemaErrors(JToken value, string schemaName)
    {
        var schema = _spec.Schema(schemaName) ?? throw new InvalidOperationException($"{_spec.SourceName} has no schema {schemaName}");
        return SchemaError.From(new JsonSchemaValidator().Validate(value, schema, SchemaType.OpenApi3));
    }

    /// <summary>
    /// The schema a part's values are checked against: a streamed response's chunks have their own, the schema of the
    /// operation's <c>text/event-stream</c> answer, or else the one configured for the operation.
    /// </summary>
    internal string? SchemaFor(ExamplePart part, int valueCount)
    {
        if (IsStreamedResponse(part, valueCount))
        {
            if (part.Example.StreamSchemaName is { } eventSchema)
            {
                return eventSchema;
            }

            if (_options.StreamChunkSchemas.TryGetValue(part.Example.Operation, out var chunkSchema))
            {
                return chunkSchema;
            }
        }

        return part.SchemaName;
    }

    // The form fields of a request part whose operation takes a multipart form, or null.
    private JObject? FormOf(ExamplePart part) =>
        part.Kind == ExamplePartKind.Request && part.Example.FormSchemaName is { } schema && part.Text != null
            ? CurlForm.Read(part.Text, _spec.Schema(schema))
            : null;

    /// <summary>Whether the part is a streamed response: several values, or a request that asked for a stream.</summary>
    internal static bool IsStreamedResponse(ExamplePart part, int valueCount) =>
        part.Kind == ExamplePartKind.Response && (valueCount > 1 || IsStreamed(part.Example));

    /// <summary>Whether the example's request body says <c>"stream": true</c>.</summary>
    internal static bool IsStreamed(SpecExample example)
    {
        var body = example.Request?.Text is { } curl ? CurlBody.Find(curl) : null;
        if (body == null)
        {
            return false;
        }

        var read = LenientJson.Parse(body.Text, example.Request!.Origin.Sub(body.Line, body.Column));
        return read.Values.Count > 0 && read.Values[0].Token is JObject request && request["stream"]?.Type == JTokenType.Boolean && (bool)request["stream"]!;
    }

    /// <summary>The part's JSON values, leniently read; defects go to <paramref name="findings"/>.</summary>
    internal static IReadOnlyList<ParsedJsonValue> Read(ExamplePart part, List<ExampleFinding> findings, out TextOrigin origin)
    {
        origin = part.Origin;
        if (part.Text == null || part.Text.Trim().Length == 0)
        {
            var (code, message) = part.Kind == ExamplePartKind.Request
                ? (DefectCodes.MissingCurlBody, "the example has no curl snippet, so no request body to check")
                : (DefectCodes.MissingResponse, part.Kind == ExamplePartKind.Response ? "the example has no response" : "the object example is empty");
            findings.Add(new ExampleFinding(FindingCategory.Defect, code, message, origin.Locate(1, 1)));
            return Array.Empty<ParsedJsonValue>();
        }

        var text = part.Text;
        if (part.Kind == ExamplePartKind.Request)
        {
            var body = CurlBody.Find(part.Text);
            if (body == null)
            {
                findings.Add(new ExampleFinding(FindingCategory.Defect, DefectCodes.MissingCurlBody, "the curl snippet has no -d '…' body", origin.Locate(1, 1)));
                return Array.Empty<ParsedJsonValue>();
            }

            text = body.Text;
            origin = origin.Sub(body.Line, body.Column);
        }
        else if (part.Kind == ExamplePartKind.Response)
        {
            text = EventData(text);
        }

        var read = LenientJson.Parse(text, origin);
        findings.AddRange(read.Defects);
        if (part.Kind == ExamplePartKind.Request && read.Values.Count > 1)
        {
            var extra = read.Values[1];
            findings.Add(new ExampleFinding(FindingCategory.Defect, DefectCodes.MultipleValues, $"the request body holds {read.Values.Count} JSON values; only the first is checked", origin.Locate(extra.Line, extra.Column)));
            return new[] { read.Values[0] };
        }

        return read.Values;
    }

    // A response written as an event stream ("event: x" / "data: {…}" lines, as the Responses API's examples are): the data
    // of its events, each left where it stands (field names blanked, other fields emptied) so that positions stay exact.
    private static string EventData(string text)
    {
        var lines = text.Split('\n');
        if (!lines.Any(l => l.StartsWith("data:", StringComparison.Ordinal)))
        {
            return text;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            lines[i] = line.StartsWith("data:", StringComparison.Ordinal) && line.Substring(5).Trim() != "[DONE]" ? new string(' ', 5) + line.Substring(5)
                : IsEventField(line) ? string.Empty
                : line;
        }

        return string.Join("\n", lines);
    }

    private static bool IsEventField(string line) =>
        line.StartsWith("event:", StringComparison.Ordinal) || line.StartsWith("id:", StringComparison.Ordinal) || line.StartsWith("retry:", StringComparison.Ordinal)
        || line.StartsWith(":", StringComparison.Ordinal) || line.StartsWith("data:", StringComparison.Ordinal);

    private List<ExampleFinding> CheckSchema(ExamplePart part, string? schemaName, IReadOnlyList<ParsedJsonValue> values, TextOrigin origin)
    {
        var findings = new List<ExampleFinding>();
        var first = origin.Locate(values[0].Line, values[0].Column);
        if (schemaName == null)
        {
            findings.Add(new ExampleFinding(FindingCategory.Schema, "NoSchema", $"the spec gives no JSON schema for the {part.Kind.ToString().ToLowerInvariant()}", first));
            return findings;
        }

        if (_spec.Schema(schemaName) == null)
        {
            findings.Add(new ExampleFinding(FindingCategory.Schema, "NoSchema", $"the spec has no schema {schemaName}", first));
            return findings;
        }

        return CheckSchema(_spec.Schema(schemaName)!, schemaName, values, origin);
    }

    // The findings of each value against schema, labelled in messages by what the schema is.
    private static List<ExampleFinding> CheckSchema(JsonSchema schema, string label, IReadOnlyList<ParsedJsonValue> values, TextOrigin origin)
    {
        var findings = new List<ExampleFinding>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            foreach (var error in SchemaError.From(new JsonSchemaValidator().Validate(value.Token, schema, SchemaType.OpenApi3)))
            {
                findings.Add(new ExampleFinding(FindingCategory.Schema, error.Code, $"{error.Message} ({label})", Locate(origin, value, error.Line, error.Column), error.Path, Chunk(values, i)));
            }
        }

        return findings;
    }

    // Round-trips each value through type, the DTO of the schema described by schema (null: no schema).
    private static List<ExampleFinding> CheckRoundTrip(Type? type, string? schema, IReadOnlyList<ParsedJsonValue> values, TextOrigin origin, JsonSerializerSettings settings)
    {
        var findings = new List<ExampleFinding>();
        if (type == null)
        {
            findings.Add(new ExampleFinding(FindingCategory.RoundTrip, RoundTripCodes.NoDtoType, schema == null ? "no schema, so no DTO" : $"no DTO type for {schema}", origin.Locate(values[0].Line, values[0].Column)));
            return findings;
        }

        var serializer = JsonSerializer.Create(settings);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            JToken written;
            try
            {
                using var reader = new JTokenReader(value.Token);
                var dto = serializer.Deserialize(reader, type) ?? throw new JsonSerializationException($"{type.Name} read the value as null");
                written = LenientJson.ParseStrict(JsonConvert.SerializeObject(dto, settings));
            }
            catch (JsonException e)
            {
                var errorPath = e switch
                {
                    JsonSerializationException s => s.Path,
                    JsonReaderException r => r.Path,
                    _ => null,
                };
                var path = string.IsNullOrEmpty(errorPath) ? null : "#/" + errorPath;
                var at = path == null ? null : value.Token.SelectToken(path.Substring(2), errorWhenNoMatch: false);
                findings.Add(new ExampleFinding(FindingCategory.RoundTrip, RoundTripCodes.DeserializationFailed, $"{type.Name}: {e.Message}", LocateToken(origin, value, at), path, Chunk(values, i)));
                continue;
            }

            foreach (var (code, path, message, at) in JsonDiff.Compare(value.Token, written))
            {
                findings.Add(new ExampleFinding(FindingCategory.RoundTrip, code, $"{message} ({type.Name})", LocateToken(origin, value, at), path, Chunk(values, i)));
            }
        }

        return findings;
    }

    private void Allow(ExamplePart part, List<ExampleFinding> findings)
    {
        foreach (var finding in findings.Where(f => !f.Repaired))
        {
            var allowance = _options.Allowances.FirstOrDefault(a => a.Matches(part, finding));
            if (allowance != null)
            {
                finding.AllowedBecause = allowance.Reason;
                lock (_used)
                {
                    _used.Add(allowance);
                }
            }
        }
    }

    private CheckOutcome Outcome(List<ExampleFinding> findings) =>
        findings.Count == 0 ? CheckOutcome.Passed
        : findings.Any(f => f.IsFailure(_options.Strict)) ? CheckOutcome.Failed
        : CheckOutcome.Allowed;

    private static int? Chunk(IReadOnlyList<ParsedJsonValue> values, int index) => values.Count > 1 ? index + 1 : null;

    private static ExampleLocation LocateToken(TextOrigin origin, ParsedJsonValue value, JToken? at) =>
        at is IJsonLineInfo info && info.HasLineInfo()
            ? Locate(origin, value, info.LineNumber, info.LinePosition)
            : origin.Locate(value.Line, value.Column);

    // Line info of a parsed value is relative to the value's own text, which starts at value.Line:value.Column.
    private static ExampleLocation Locate(TextOrigin origin, ParsedJsonValue value, int line, int column) =>
        line <= 0 ? origin.Locate(value.Line, value.Column)
        : origin.Locate(value.Line + line - 1, line == 1 ? value.Column + column - 1 : column);
}
