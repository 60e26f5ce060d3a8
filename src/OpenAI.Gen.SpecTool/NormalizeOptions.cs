using System.Collections.Generic;

namespace OpenAI.Gen.SpecTool;

/// <summary>What the normalizer is told about the hand-written side of the library.</summary>
public sealed class NormalizeOptions
{
    /// <summary>
    /// Names for generated union types, each with the schema locations it stands for
    /// ("CreateChatCompletionRequest.stop", or a named schema). Without one, a union is named after where it stands
    /// (owner + property) or its schema.
    /// </summary>
    public IDictionary<string, IList<string>> Unions { get; } = new SortedDictionary<string, IList<string>>(System.StringComparer.Ordinal);

    /// <summary>
    /// Member names for generated unions, by union type name, then by member shape as the tool describes it
    /// ("string[]" → "List"); a member without one is named after its shape ("Strings", the type name).
    /// </summary>
    public IDictionary<string, IDictionary<string, string>> UnionVariantNames { get; } = new SortedDictionary<string, IDictionary<string, string>>(System.StringComparer.Ordinal);

    /// <summary>
    /// The event schema of operations (by operationId) that stream when asked to although the spec describes their
    /// stream in prose only (no <c>text/event-stream</c> answer); a spec that describes it wins.
    /// </summary>
    public IDictionary<string, string> Streams { get; } = new SortedDictionary<string, string>(System.StringComparer.Ordinal);

    /// <summary>Type names the library's hand-written code holds: a schema of one of these names is generated under another.</summary>
    public ISet<string> ReservedTypeNames { get; } = new SortedSet<string>(System.StringComparer.Ordinal);

    /// <summary>The file name used in messages.</summary>
    public string SourceName { get; set; } = "openapi.yaml";
}
