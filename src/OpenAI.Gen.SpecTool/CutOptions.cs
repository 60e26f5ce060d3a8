using System.Collections.Generic;

namespace OpenAI.Gen.SpecTool;

/// <summary>Which operations <see cref="SpecCutter"/> keeps.</summary>
public sealed class CutOptions
{
    /// <summary>The operations the library ships when none are chosen.</summary>
    public static IReadOnlyList<string> DefaultOperations { get; } = new[] { "POST /chat/completions", "POST /completions" };

    /// <summary>Operations as "METHOD /path" ("POST /chat/completions").</summary>
    public IList<string> Operations { get; } = new List<string>();

    /// <summary>Tags whose every operation is kept ("Chat").</summary>
    public IList<string> Tags { get; } = new List<string>();

    /// <summary>Keep every operation of the spec (<c>--all</c>); operations and tags are then not needed.</summary>
    public bool All { get; set; }

    /// <summary>The file name used in messages.</summary>
    public string SourceName { get; set; } = "openapi.yaml";
}
