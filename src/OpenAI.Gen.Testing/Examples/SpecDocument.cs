using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace OpenAI.Gen.Testing;

/// <summary>
/// An OpenAPI spec read for its <c>x-oaiMeta</c> examples: the examples with their positions in the file, and the
/// component schemas (read by NSwag.Core, so <c>$ref</c>, <c>nullable</c>, <c>oneOf</c> mean what they mean to the generator).
/// Immutable once loaded and safe to share between threads.
/// </summary>
public sealed class SpecDocument
{
    /// <summary>Name of the resource holding the spec this package was built with.</summary>
    public const string EmbeddedResourceName = "OpenAI.Gen.Testing.openai.yaml";

    private static readonly Lazy<SpecDocument> EmbeddedSpec = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly OpenApiDocument _openApi;

    private SpecDocument(string sourceName, OpenApiDocument openApi, List<SpecExample> examples, List<string> notes)
    {
        SourceName = sourceName;
        _openApi = openApi;
        Examples = examples;
        Notes = notes;
    }

    /// <summary>The spec this package was built with (the one the OpenAI.Gen client was generated from).</summary>
    public static SpecDocument Embedded => EmbeddedSpec.Value;

    /// <summary>The file or resource name, as used in locations.</summary>
    public string SourceName { get; }

    /// <summary>Every example, in spec order: operation examples, then object examples. Empty when the spec has none (see <see cref="Notes"/>).</summary>
    public IReadOnlyList<SpecExample> Examples { get; }

    /// <summary>Every part of every example.</summary>
    public IEnumerable<ExamplePart> Parts => Examples.SelectMany(e => e.Parts);

    /// <summary>What reading the examples noticed that is not about one part, e.g. that the spec has no examples.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Reads the spec at <paramref name="path"/>.</summary>
    /// <exception cref="SpecLoadException">The file is missing, not YAML, or not a readable OpenAPI document.</exception>
    public static SpecDocument Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SpecLoadException(path, 0, 0, "cannot read the file: " + e.Message, e);
        }

        return Parse(text, path);
    }

    /// <summary>Reads spec <paramref name="yaml"/> (YAML or JSON); <paramref name="sourceName"/> names it in locations.</summary>
    /// <exception cref="SpecLoadException">The text is not YAML or not a readable OpenAPI document.</exception>
    public static SpecDocument Parse(string yaml, string sourceName)
    {
        if (yaml == null)
        {
            throw new ArgumentNullException(nameof(yaml));
        }

        var root = SpecYaml.Load(yaml, sourceName);
        OpenApiDocument openApi;
        try
        {
            // NSwag only loads asynchronously; Task.Run keeps a caller's synchronization context out of it.
            openApi = Task.Run(() => OpenApiDocument.FromJsonAsync(root.ToString(Newtonsoft.Json.Formatting.None))).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SpecLoadException(sourceName, 0, 0, "not a readable OpenAPI document: " + e.Message, e);
        }

        var notes = new List<string>();
        var lines = yaml.Split('\n');
        var examples = ExampleReader.Read(root, sourceName, lines, notes);
        return new SpecDocument(sourceName, openApi, examples, notes);
    }

    /// <summary>The part named <paramref name="name"/> (see <see cref="ExamplePart.Name"/>).</summary>
    /// <exception cref="KeyNotFoundException">The spec has no such part.</exception>
    public ExamplePart Part(string name) =>
        Parts.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"{SourceName} has no example part '{name}'");

    /// <summary>The component schema <paramref name="name"/>, or null when the spec has none of that name.</summary>
    internal JsonSchema? Schema(string name) =>
        _openApi.Components.Schemas.TryGetValue(name, out var schema) ? schema.ActualSchema : null;

    /// <summary>Whether <paramref name="method"/> <paramref name="path"/> must have a request body (its <c>requestBody</c> says <c>required</c>).</summary>
    internal bool RequestBodyRequired(string method, string path) => OperationAt(method, path)?.ActualRequestBody?.IsRequired == true;

    /// <summary>The status of the first successful answer of <paramref name="method"/> <paramref name="path"/> when the spec gives it no body, else null.</summary>
    internal int? EmptyAnswerStatus(string method, string path)
    {
        if (OperationAt(method, path) is not { } operation)
        {
            return null;
        }

        var success = operation.ActualResponses.FirstOrDefault(r => r.Key.StartsWith("2", StringComparison.Ordinal));
        if (success.Value == null || success.Value.Content.Count > 0)
        {
            return null;
        }

        // "2XX" says no one status: the fake answers 200.
        return int.TryParse(success.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 200;
    }

    private OpenApiOperation? OperationAt(string method, string path) =>
        _openApi.Paths.TryGetValue(path, out var item) && item.TryGetValue(method.ToLowerInvariant(), out var operation) ? operation : null;

    /// <summary>The schema of the JSON body of the first successful answer of <paramref name="method"/> <paramref name="path"/>, or null.</summary>
    internal JsonSchema? AnswerSchema(string method, string path)
    {
        if (!_openApi.Paths.TryGetValue(path, out var item) || !item.TryGetValue(method.ToLowerInvariant(), out var operation))
        {
            return null;
        }

        var answer = operation.ActualResponses.FirstOrDefault(r => r.Key.StartsWith("2", StringComparison.Ordinal)).Value;
        return answer != null && answer.Content.TryGetValue("application/json", out var json) ? json.Schema?.ActualSchema : null;
    }

    /// <summary>
    /// The schema written in place (no <c>$ref</c>) for the JSON body of <paramref name="part"/>'s request or first
    /// successful answer, or null when there is none (a named schema, another media type, an object example).
    /// </summary>
    internal JsonSchema? InlineBodySchema(ExamplePart part)
    {
        var example = part.Example;
        if (example.HttpMethod == null || example.HttpPath == null || !_openApi.Paths.TryGetValue(example.HttpPath, out var item)
            || !item.TryGetValue(example.HttpMethod.ToLowerInvariant(), out var operation))
        {
            return null;
        }

        var content = part.Kind switch
        {
            ExamplePartKind.Request => operation.ActualRequestBody?.Content,
            ExamplePartKind.Response => operation.ActualResponses.FirstOrDefault(r => r.Key.StartsWith("2", StringComparison.Ordinal)).Value?.Content,
            _ => null,
        };
        return content != null && content.TryGetValue("application/json", out var json) && json.Schema is { HasReference: false } schema ? schema : null;
    }

    private static SpecDocument LoadEmbedded()
    {
        using var stream = typeof(SpecDocument).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"the resource {EmbeddedResourceName} is missing from {typeof(SpecDocument).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "openai.yaml (embedded)");
    }
}
