using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>The cut document and what it holds.</summary>
public sealed class CutResult
{
    internal CutResult(JObject document, IReadOnlyList<string> operations)
    {
        Document = document;
        Operations = operations;
    }

    /// <summary>The cut OpenAPI document.</summary>
    public JObject Document { get; }

    /// <summary>The kept operations as "METHOD /path", in spec order.</summary>
    public IReadOnlyList<string> Operations { get; }

    /// <summary>The names of the kept schemas, in spec order.</summary>
    public IReadOnlyList<string> Schemas =>
        (Document["components"]?["schemas"] as JObject)?.Properties().Select(p => p.Name).ToList() ?? new List<string>();
}
