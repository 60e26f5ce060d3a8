using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>One request <see cref="ConformancePlan"/> chose to send, with what its answer is held to.</summary>
internal sealed class PlannedCheck
{
    public PlannedCheck(string operation, string title, bool isProbe, string method, string path, JObject? body)
    {
        Operation = operation;
        Title = title;
        IsProbe = isProbe;
        Method = method;
        Path = path;
        Body = body;
    }

    public string Operation { get; }

    public string Title { get; }

    public bool IsProbe { get; }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    public string Path { get; }

    /// <summary>The body to send (model already replaced).</summary>
    public JObject? Body { get; }

    public bool Streamed => Body?["stream"]?.Type == JTokenType.Boolean && (bool)Body["stream"]!;

    /// <summary>The media type of the operation's successful answer the spec gives (null for a probe or no body).</summary>
    public string? AnswerMediaType { get; set; }

    /// <summary>The example shows no answer that reads as JSON (none, or elided text): a server's answer is another example's.</summary>
    public bool NoAnswerShown { get; set; }

    /// <summary>The spec gives the operation's successful answer no body (accepting a call): there is nothing to read.</summary>
    public bool EmptyAnswer { get; set; }

    /// <summary>The schema of a whole answer (or, with no chunk schema, of each chunk).</summary>
    public string? ResponseSchema { get; set; }

    /// <summary>The schema of each chunk of a streamed answer, when the operation's chunks have their own.</summary>
    public string? ChunkSchema { get; set; }

    /// <summary>A valid request of the operation, read into the client's request type when <see cref="Body"/> itself is not one.</summary>
    public JObject? ClientBody { get; set; }

    /// <summary>The request is invalid on purpose: the answer must be a 4xx error.</summary>
    public bool ExpectsClientError { get; set; }

    /// <summary>The request asked <c>stream_options.include_usage</c>: some chunk must carry <c>usage</c>.</summary>
    public bool ExpectsUsage { get; set; }

    /// <summary>The request named a function in <c>tool_choice</c>: the answer must call a tool.</summary>
    public bool ExpectsToolCall { get; set; }

    /// <summary>Why it is not sent (the spec lacks what it needs), or null.</summary>
    public string? SkipReason { get; set; }
}
