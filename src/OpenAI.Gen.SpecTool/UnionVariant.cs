using System.Collections.Generic;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// One member of a generated union: its C# member name (<c>IsX</c>, <c>FromX</c>, <c>TryGetX</c>), its shape, and for
/// one of several object members what tells an object to be this one (its tag value, or its required members).
/// </summary>
public sealed record UnionVariant(string Name, UnionShape Shape, string? TagValue, IReadOnlyList<string> Required);
