using System.Collections.Generic;

namespace OpenAI.Gen.Testing;

/// <summary>What <see cref="SpecExampleHandler"/> knows of one operation: its route, request schema and example answers.</summary>
internal sealed class FakeOperation
{
    public FakeOperation(string method, string path, string? requestSchema, IReadOnlyList<FakeAnswer> answers)
    {
        Method = method;
        Path = path;
        RequestSchema = requestSchema;
        Answers = answers;
    }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The spec path, e.g. <c>/chat/completions</c>.</summary>
    public string Path { get; }

    public string? RequestSchema { get; }

    public IReadOnlyList<FakeAnswer> Answers { get; }
}
