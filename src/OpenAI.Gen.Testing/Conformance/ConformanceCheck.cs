using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>One request sent by <see cref="ConformanceRunner"/> (a spec example or a probe) and what its answer showed.</summary>
public sealed class ConformanceCheck
{
    private readonly List<ConformanceDeparture> _departures = new();
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    internal ConformanceCheck(string operation, string title, bool isProbe, string method, string path, bool streamed, JToken? request)
    {
        Operation = operation;
        Title = title;
        IsProbe = isProbe;
        Method = method;
        Path = path;
        Streamed = streamed;
        Request = request;
    }

    /// <summary>The operationId, e.g. <c>createChatCompletion</c>.</summary>
    public string Operation { get; }

    /// <summary>The example's title (e.g. <c>Streaming</c>) or the probe's name (e.g. <c>probe: invalid request</c>).</summary>
    public string Title { get; }

    /// <summary><see cref="Operation"/> / <see cref="Title"/>.</summary>
    public string Name => Operation + " / " + Title;

    /// <summary>Whether it is a probe the examples lack rather than one of the spec's examples.</summary>
    public bool IsProbe { get; }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The spec path, e.g. <c>/chat/completions</c> (sent relative to the base URL).</summary>
    public string Path { get; }

    /// <summary>Whether the request asks for a stream (<c>"stream": true</c>).</summary>
    public bool Streamed { get; }

    /// <summary>The request body sent (the API key is never part of it).</summary>
    public JToken? Request { get; }

    /// <summary>The verdict.</summary>
    public ConformanceVerdict Verdict { get; internal set; } = ConformanceVerdict.Pass;

    /// <summary>Why it failed or was skipped (or a note on a pass), for people; null when there is nothing to say.</summary>
    public string? Reason { get; internal set; }

    /// <summary>The HTTP status of the answer, or null when none came.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The answer's headers that matter when comparing servers (content type, request id, server, processing time, …).</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers;

    /// <summary>Every departure from the spec, in answer order; a check with only allowed ones still passes.</summary>
    public IReadOnlyList<ConformanceDeparture> Departures => _departures;

    /// <summary>From sending the request to the end of the answer (or to the failure).</summary>
    public TimeSpan? Duration { get; internal set; }

    /// <summary>For a stream, from sending the request to the first complete event.</summary>
    public TimeSpan? FirstChunkLatency { get; internal set; }

    /// <summary>For a stream, how many events carried data before <c>[DONE]</c>.</summary>
    public int? Chunks { get; internal set; }

    internal Dictionary<string, string> MutableHeaders => _headers;

    internal void Depart(ConformanceDeparture departure)
    {
        _departures.Add(departure);
        if (Verdict == ConformanceVerdict.Pass && departure.AllowedBecause == null)
        {
            Verdict = ConformanceVerdict.Departs;
        }
    }

    internal void Fail(string reason)
    {
        Verdict = ConformanceVerdict.Fail;
        Reason = reason;
    }

    /// <summary>One line: verdict, name, status, timings and the reason of a failure.</summary>
    public override string ToString()
    {
        var line = new StringBuilder(Word(Verdict).PadRight(8)).Append(Name);
        if (StatusCode != null)
        {
            line.Append("  ").Append(StatusCode.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (Chunks != null)
        {
            line.Append("  ").Append(Chunks.Value.ToString(CultureInfo.InvariantCulture)).Append(Chunks == 1 ? " chunk" : " chunks");
            if (FirstChunkLatency != null)
            {
                line.Append(", first after ").Append(Milliseconds(FirstChunkLatency.Value));
            }
        }

        if (Duration != null)
        {
            line.Append("  ").Append(Milliseconds(Duration.Value));
        }

        var allowed = _departures.Count(d => d.AllowedBecause != null);
        var departures = _departures.Count - allowed;
        if (departures > 0)
        {
            line.Append("  ").Append(departures.ToString(CultureInfo.InvariantCulture)).Append(departures == 1 ? " departure" : " departures");
        }

        if (allowed > 0)
        {
            line.Append("  ").Append(allowed.ToString(CultureInfo.InvariantCulture)).Append(" allowed");
        }

        if (Reason != null)
        {
            line.Append(": ").Append(Reason);
        }

        return line.ToString();
    }

    /// <summary>Writes <see cref="ToString"/>, then each departure on a line of its own, indented.</summary>
    public void WriteText(TextWriter writer)
    {
        if (writer == null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteLine(ToString());
        foreach (var departure in _departures)
        {
            writer.WriteLine("        " + departure);
        }
    }

    /// <summary>The word printed for <paramref name="verdict"/>: PASS, DEPARTS, FAIL, SKIP.</summary>
    public static string Word(ConformanceVerdict verdict) => verdict switch
    {
        ConformanceVerdict.Pass => "PASS",
        ConformanceVerdict.Departs => "DEPARTS",
        ConformanceVerdict.Fail => "FAIL",
        _ => "SKIP",
    };

    private static string Milliseconds(TimeSpan time) => ((long)time.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
}
