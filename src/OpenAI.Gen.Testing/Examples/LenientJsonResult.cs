using System.Collections.Generic;

namespace OpenAI.Gen.Testing;

/// <summary>What <see cref="LenientJson"/> read: the values (one, or several for JSON lines) and the defects it met.</summary>
internal sealed class LenientJsonResult
{
    public LenientJsonResult(IReadOnlyList<ParsedJsonValue> values, IReadOnlyList<ExampleFinding> defects)
    {
        Values = values;
        Defects = defects;
    }

    public IReadOnlyList<ParsedJsonValue> Values { get; }

    public IReadOnlyList<ExampleFinding> Defects { get; }
}
