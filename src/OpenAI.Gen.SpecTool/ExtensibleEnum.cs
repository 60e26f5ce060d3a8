using System.Collections.Generic;

namespace OpenAI.Gen.SpecTool;

/// <summary>A string enum of the spec, generated as an open (forward-compatible) C# type.</summary>
public sealed record ExtensibleEnum(string Name, IReadOnlyList<string> Values, string? Description);
