using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>The normalized document and what the code generator must know about it.</summary>
public sealed class NormalizeResult
{
    internal NormalizeResult(JObject document)
    {
        Document = document;
    }

    /// <summary>The OpenAPI 3.0 document NSwag reads.</summary>
    public JObject Document { get; }

    /// <summary>Schemas NSwag must not generate, because the library defines them (unions, open enums).</summary>
    public SortedSet<string> ExcludedTypeNames { get; } = new(System.StringComparer.Ordinal);

    /// <summary>String enums to generate as open types.</summary>
    public List<ExtensibleEnum> Enums { get; } = new();

    /// <summary>Tagged unions found, by base schema name, with their discriminator property.</summary>
    public SortedDictionary<string, string> TaggedUnions { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Strings that could be any value but have well-known ones ("model"), by location.</summary>
    public SortedDictionary<string, IReadOnlyList<string>> KnownValues { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Untagged unions the library generates a type for (Unions.g.cs), by C# type name.</summary>
    public SortedDictionary<string, GeneratedUnion> Unions { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Where the spec has a union that could not be typed and is generated as raw JSON (each with an OAIGEN100 warning).</summary>
    public List<string> RawUnions { get; } = new();

    /// <summary>Things a human should look at; the build prints them as warnings.</summary>
    public List<string> Warnings { get; } = new();

    /// <summary>How the spec was mapped where that is not obvious (merged unions, removed aliases); printed as messages.</summary>
    public List<string> Notes { get; } = new();
}
