using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Fuzz;

/// <summary>
/// What the fuzzer starts from (the spec's answers and streamed chunks, the compatibility corpus) and how it mutates
/// it: a byte flipped, the body cut, CR/LF variants, a BOM, invalid UTF-8, a huge value, deep nesting.
/// </summary>
public static class FuzzInputs
{
    /// <summary>An answer body or an event stream, and whether it is a stream.</summary>
    public sealed record Seed(string Name, byte[] Body, bool Stream);

    /// <summary>Every seed: spec examples and corpus files.</summary>
    public static IReadOnlyList<Seed> Seeds { get; } = Load();

    /// <summary>The mutations, by number.</summary>
    public static readonly string[] Operations =
    {
        "none", "flip", "truncate", "crlf", "cr", "bom", "invalid utf-8", "huge number", "huge string", "deep nesting", "delete", "duplicate",
    };

    private static IReadOnlyList<Seed> Load()
    {
        var seeds = new List<Seed>();
        foreach (var title in new[] { "Default", "Image input", "Functions", "Logprobs" })
        {
            seeds.Add(new Seed("spec chat " + title, Utf8(SpecExamples.Response("/chat/completions", title)), false));
        }

        seeds.Add(new Seed("spec completion", Utf8(SpecExamples.Response("/completions", "No streaming")), false));
        var chunks = SpecExamples.StreamedChunks("/chat/completions", "Streaming");
        seeds.Add(new Seed("spec chat stream", Utf8(string.Concat(chunks.Select(c => "data: " + JToken.Parse(c).ToString(Newtonsoft.Json.Formatting.None) + "\n\n")) + "data: [DONE]\n\n"), true));
        var corpus = Path.Combine(Repo.Root, "tests", "OpenAI.Gen.Tests", "Compatibility");
        foreach (var c in ((JArray)JObject.Parse(File.ReadAllText(Path.Combine(corpus, "index.json")))["cases"]!).Cast<JObject>())
        {
            seeds.Add(new Seed("corpus " + (string)c["name"]!, File.ReadAllBytes(Path.Combine(corpus, (string)c["answer"]!["body"]!)), (bool)c["stream"]!));
        }

        return seeds;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary><paramref name="body"/> mutated by operation <paramref name="operation"/> at <paramref name="position"/> (taken modulo the length).</summary>
    public static byte[] Mutate(byte[] body, int operation, int position)
    {
        var at = body.Length == 0 ? 0 : position % body.Length;
        switch (Operations[operation])
        {
            case "flip":
                var flipped = (byte[])body.Clone();
                if (flipped.Length > 0)
                {
                    flipped[at] ^= (byte)(1 << (position % 8));
                }

                return flipped;
            case "truncate":
                return body.AsSpan(0, at).ToArray();
            case "crlf":
                return Utf8(Encoding.UTF8.GetString(body).Replace("\n", "\r\n"));
            case "cr":
                return Utf8(Encoding.UTF8.GetString(body).Replace("\n", "\r"));
            case "bom":
                return Insert(body, 0, new byte[] { 0xEF, 0xBB, 0xBF });
            case "invalid utf-8":
                return Insert(body, at, new byte[] { 0xC3, 0x28, 0xFF, 0xE2, 0x82 });
            case "huge number":
                return Insert(body, at, Utf8(new string('9', 5000) + "e99999"));
            case "huge string":
                return Insert(body, at, Utf8("\"" + new string('x', 200_000) + "\""));
            case "deep nesting":
                return Insert(body, at, Utf8(new string('[', 1000) + new string(']', 1000)));
            case "delete":
                var end = Math.Min(body.Length, at + 1 + (position % 17));
                return Join(body.AsSpan(0, at), body.AsSpan(end));
            case "duplicate":
                return Insert(body, at, body.AsSpan(at, Math.Min(body.Length - at, 1 + (position % 40))).ToArray());
            default:
                return body;
        }
    }

    private static byte[] Insert(byte[] body, int at, byte[] inserted) => Join(body.AsSpan(0, at), inserted, body.AsSpan(at));

    private static byte[] Join(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c = default)
    {
        var joined = new byte[a.Length + b.Length + c.Length];
        a.CopyTo(joined);
        b.CopyTo(joined.AsSpan(a.Length));
        c.CopyTo(joined.AsSpan(a.Length + b.Length));
        return joined;
    }
}
