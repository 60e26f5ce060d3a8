using System.Collections.Generic;

namespace OpenAI.Gen;

/// <example><code>request.Stop = "\n";  request.Stop = new[] { "\n", "END" };</code></example>
public sealed partial class StopSequences
{
    /// <summary>Every sequence, whatever the shape (one item when <see cref="IsString"/>).</summary>
    public IReadOnlyList<string> Sequences => TryGetList(out var list) ? list : new[] { (string)_value };
}
