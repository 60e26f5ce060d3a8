using System.Collections.Generic;

namespace OpenAI.Gen.SpecTool;

/// <summary>An untagged union of the spec that the spec tool writes a C# type for (Unions.g.cs).</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Member">The JSON member (or named schema) it stands for, used in errors.</param>
/// <param name="Location">Where the spec defines it ("CreateChatCompletionRequest.stop", or a schema name).</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="TagProperty">The property whose one value per object member tells them apart, or null.</param>
/// <param name="Variants">The members, in spec order.</param>
public sealed record GeneratedUnion(string Name, string Member, string Location, string? Description, string? TagProperty, IReadOnlyList<UnionVariant> Variants)
{
    /// <summary>Whether an object no member matches can be read (it is then kept as JSON): several object members.</summary>
    public bool KeepsUnknownObjects => TagProperty != null || System.Linq.Enumerable.Count(Variants, v => v.Shape.Token == "object") > 1;

    /// <summary>The members' shapes as messages write them ("string | string[]").</summary>
    public string Shape => string.Join(" | ", System.Linq.Enumerable.Select(Variants, v => v.Shape.Describe()));
}
