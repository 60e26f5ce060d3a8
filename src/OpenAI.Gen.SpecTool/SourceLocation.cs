namespace OpenAI.Gen.SpecTool;

/// <summary>Where a JSON token came from in the YAML source (kept as a token annotation).</summary>
public sealed record SourceLocation(int Line, int Column);
