using System.Collections.Generic;

namespace OpenAI.Gen.SpecTool;

/// <summary>What the normalizer is told about the hand-written side of the library.</summary>
public sealed class NormalizeOptions
{
    /// <summary>
    /// Hand-written union types by name, each with the schema locations it stands for
    /// ("CreateChatCompletionRequest.stop"). A union at one of these locations becomes a reference to the
    /// hand-written type; any other union the normalizer cannot reshape becomes raw JSON with a warning.
    /// </summary>
    public IDictionary<string, IList<string>> Unions { get; } = new SortedDictionary<string, IList<string>>(System.StringComparer.Ordinal);

    /// <summary>
    /// The shape each hand-written union was written for, by type name, as the normalizer describes a union
    /// ("string | string[]"); when the spec's union has another shape, the build warns which type and what changed.
    /// </summary>
    public IDictionary<string, string> UnionShapes { get; } = new SortedDictionary<string, string>(System.StringComparer.Ordinal);

    /// <summary>The file name used in messages.</summary>
    public string SourceName { get; set; } = "openapi.yaml";
}
