namespace OpenAI.Gen.Benchmarks;

/// <summary>What the chunks of a benchmark stream carry.</summary>
public enum StreamKind
{
    /// <summary>Plain text content deltas.</summary>
    Text,

    /// <summary>One function tool call whose arguments arrive in pieces.</summary>
    ToolCall,
}
