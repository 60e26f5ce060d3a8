using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>Every check of one conformance run, with the totals; printable as lines or as the JSON report.</summary>
public sealed class ConformanceReport
{
    internal ConformanceReport(Uri baseUrl, string spec, string? model, DateTimeOffset started, TimeSpan duration, IReadOnlyList<ConformanceCheck> checks)
    {
        BaseUrl = baseUrl;
        Spec = spec;
        Model = model;
        Started = started;
        Duration = duration;
        Checks = checks;
    }

    /// <summary>The server checked.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The spec whose examples were sent.</summary>
    public string Spec { get; }

    /// <summary>The model every request named, or null when the examples' own models were sent.</summary>
    public string? Model { get; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>How long the whole run took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Every check, in spec order (an operation's examples, then its probes).</summary>
    public IReadOnlyList<ConformanceCheck> Checks { get; }

    /// <summary>Whether no check failed (departures and skipped probes allowed): the CLI's exit code 0.</summary>
    public bool Succeeded => Checks.All(c => c.Verdict != ConformanceVerdict.Fail);

    /// <summary>How many checks came to <paramref name="verdict"/>.</summary>
    public int Count(ConformanceVerdict verdict) => Checks.Count(c => c.Verdict == verdict);

    /// <summary>The last line: <c>12 checks: 9 PASS, 2 DEPARTS, 1 FAIL, 0 SKIP</c>.</summary>
    public string Summary =>
        $"{Checks.Count} checks: " + string.Join(", ", new[] { ConformanceVerdict.Pass, ConformanceVerdict.Departs, ConformanceVerdict.Fail, ConformanceVerdict.Skipped }
            .Select(v => Count(v).ToString(CultureInfo.InvariantCulture) + " " + ConformanceCheck.Word(v)));

    /// <summary>Writes one line per check (its departures indented below it), then <see cref="Summary"/>.</summary>
    public void WriteText(TextWriter writer)
    {
        if (writer == null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        foreach (var check in Checks)
        {
            check.WriteText(writer);
        }

        writer.WriteLine(Summary);
    }

    /// <summary>The whole report as JSON (documented in docs/conformance.md).</summary>
    public JObject ToJson() => new()
    {
        ["baseUrl"] = BaseUrl.AbsoluteUri,
        ["spec"] = Spec,
        ["model"] = Model,
        ["started"] = Started.ToString("o", CultureInfo.InvariantCulture),
        ["durationMs"] = Milliseconds(Duration),
        ["summary"] = new JObject
        {
            ["checks"] = Checks.Count,
            ["pass"] = Count(ConformanceVerdict.Pass),
            ["departs"] = Count(ConformanceVerdict.Departs),
            ["fail"] = Count(ConformanceVerdict.Fail),
            ["skipped"] = Count(ConformanceVerdict.Skipped),
        },
        ["checks"] = new JArray(Checks.Select(Json)),
    };

    /// <summary>The JSON report, indented.</summary>
    public override string ToString() => ToJson().ToString(Formatting.Indented);

    private static JObject Json(ConformanceCheck check) => new()
    {
        ["name"] = check.Name,
        ["operation"] = check.Operation,
        ["title"] = check.Title,
        ["probe"] = check.IsProbe,
        ["verdict"] = ConformanceCheck.Word(check.Verdict),
        ["reason"] = check.Reason,
        ["request"] = new JObject
        {
            ["method"] = check.Method,
            ["path"] = check.Path,
            ["stream"] = check.Streamed,
            ["body"] = check.Request?.DeepClone(),
        },
        ["status"] = check.StatusCode,
        ["headers"] = new JObject(check.Headers.Select(h => new JProperty(h.Key.ToLowerInvariant(), h.Value))),
        ["departures"] = new JArray(check.Departures.Select(d => new JObject
        {
            ["chunk"] = d.Chunk,
            ["path"] = d.Path,
            ["code"] = d.Code,
            ["rule"] = d.Rule,
            ["allowedBecause"] = d.AllowedBecause,
        })),
        ["timings"] = new JObject
        {
            ["totalMs"] = check.Duration == null ? JValue.CreateNull() : Milliseconds(check.Duration.Value),
            ["firstChunkMs"] = check.FirstChunkLatency == null ? JValue.CreateNull() : Milliseconds(check.FirstChunkLatency.Value),
        },
        ["chunks"] = check.Chunks,
    };

    private static JToken Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 1);
}
