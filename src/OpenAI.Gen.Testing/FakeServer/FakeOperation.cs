using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>What <see cref="SpecExampleHandler"/> knows of one operation: its route, request schema and example answers.</summary>
internal sealed class FakeOperation
{
    private readonly string[] _segments;

    public FakeOperation(string method, string path, string? requestSchema, bool streamOptions, bool chunkUsage, IReadOnlyList<FakeAnswer> answers, string? answerMediaType, string? textAnswer)
    {
        Method = method;
        Path = path;
        RequestSchema = requestSchema;
        StreamOptions = streamOptions;
        ChunkUsage = chunkUsage;
        Answers = answers;
        AnswerMediaType = answerMediaType;
        TextAnswer = textAnswer;
        _segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        Literals = _segments.Count(s => !IsParameter(s));
    }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The spec path, e.g. <c>/chat/completions/{completion_id}</c>.</summary>
    public string Path { get; }

    public string? RequestSchema { get; }

    /// <summary>Whether the request schema has <c>stream_options</c> (so a stream ends with usage when asked).</summary>
    public bool StreamOptions { get; }

    /// <summary>Whether the streamed chunks' schema has a nullable <c>usage</c> (so chunks before the usage chunk carry it as null).</summary>
    public bool ChunkUsage { get; }

    public IReadOnlyList<FakeAnswer> Answers { get; }

    /// <summary>The media type of the first successful answer the spec describes, or null when it has no body.</summary>
    public string? AnswerMediaType { get; }

    /// <summary>The first example's response as written, for an operation that answers text.</summary>
    public string? TextAnswer { get; }

    /// <summary>How many segments of the path template match one request segment.</summary>
    public int Length => _segments.Length;

    /// <summary>How many segments of the path template are fixed text (not <c>{parameter}</c>).</summary>
    public int Literals { get; }

    /// <summary>Whether the last segments of <paramref name="path"/> (after the base URL's own) fill this path template.</summary>
    public bool Matches(IReadOnlyList<string> path)
    {
        if (path.Count < _segments.Length)
        {
            return false;
        }

        var offset = path.Count - _segments.Length;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (!IsParameter(_segments[i]) && !string.Equals(_segments[i], path[offset + i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);
}
