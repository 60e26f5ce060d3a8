using System.Collections.Generic;

namespace OpenAI.Gen.Testing;

/// <summary>What <see cref="SpecExampleHandler"/> knows of one operation: its route, request schema and example answers.</summary>
internal sealed class FakeOperation
{
    public FakeOperation(string method, string path, string? requestSchema, bool streamOptions, IReadOnlyList<FakeAnswer> answers)
    {
        Method = method;
        Path = path;
        RequestSchema = requestSchema;
        StreamOptions = streamOptions;
        Answers = answers;
    }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The spec path, e.g. <c>/chat/completions</c>.</summary>
    public string Path { get; }

    public string? RequestSchema { get; }

    /// <summary>Whether the request schema has <c>stream_options</c> (so a stream ends with usage when asked).</summary>
    public bool StreamOptions { get; }

    public IReadOnlyList<FakeAnswer> Answers { get; }
}
