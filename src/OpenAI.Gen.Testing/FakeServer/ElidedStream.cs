using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Fills in a streaming example whose middle chunks the spec elides (<see cref="DefectCodes.ElisionLine"/>): the text
/// of the matching non-streamed answer (same request but for <c>stream</c>) is streamed in word-sized chunks instead,
/// so that a streamed answer reads as the whole one does.
/// </summary>
internal static class ElidedStream
{
    private static readonly Regex Words = new(@"\s*\S+\s*$|\s*\S+", RegexOptions.CultureInvariant);

    /// <summary>The members a streamed request adds to the same request asked for whole.</summary>
    private static readonly string[] StreamMembers = { "stream", "stream_options" };

    /// <summary>Whether <paramref name="whole"/> asks what <paramref name="streamed"/> asks, stream members aside.</summary>
    public static bool SameRequest(JToken? streamed, JToken? whole) =>
        streamed is JObject s && whole is JObject w && JToken.DeepEquals(WithoutStream(s), WithoutStream(w));

    /// <summary>
    /// The chunks of <paramref name="chunks"/> with the text member they spell (the string that differs from chunk to
    /// chunk, e.g. <c>choices[0].delta.content</c>) carrying <paramref name="whole"/>'s text of the same name (e.g.
    /// <c>choices[0].message.content</c>) piece by piece; the chunks before and after the text are kept. Null when the
    /// chunks spell no text or the whole answer has no member of that name.
    /// </summary>
    public static IReadOnlyList<JToken>? Fill(IReadOnlyList<JToken> chunks, JToken whole)
    {
        var textPath = TextPath(chunks);
        if (textPath == null)
        {
            return null;
        }

        var name = ((JProperty)chunks.Select(c => c.SelectToken(textPath)).First(t => t != null)!.Parent!).Name;
        var scope = textPath.Substring(0, Math.Max(0, textPath.IndexOf(']') + 1));
        var candidates = ((scope.Length == 0 ? whole : whole.SelectToken(scope)) as JContainer)?
            .Descendants().OfType<JProperty>().Where(p => p.Name == name && p.Value.Type == JTokenType.String).ToList();
        if (candidates is not { Count: 1 })
        {
            return null;
        }

        var carrying = chunks.Select((c, i) => (Index: i, Text: (string?)c.SelectToken(textPath))).Where(t => !string.IsNullOrEmpty(t.Text)).Select(t => t.Index).ToList();
        var first = carrying.First();
        var last = carrying.Last();
        var filled = chunks.Take(first).ToList();
        foreach (Match piece in Words.Matches((string)candidates[0].Value!))
        {
            var chunk = chunks[first].DeepClone();
            ((JValue)chunk.SelectToken(textPath)!).Value = piece.Value;
            filled.Add(chunk);
        }

        filled.AddRange(chunks.Skip(last + 1));
        return filled;
    }

    /// <summary>The path of the string member whose value differs between chunks, or null when there is not exactly one.</summary>
    private static string? TextPath(IReadOnlyList<JToken> chunks)
    {
        var varying = chunks
            .SelectMany(c => (c as JContainer)?.Descendants().OfType<JValue>() ?? Enumerable.Empty<JValue>())
            .Where(v => v.Type == JTokenType.String)
            .GroupBy(v => v.Path)
            .Where(g => g.Count() > 1 && g.Select(v => (string?)v).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();
        return varying.Count == 1 ? varying[0] : null;
    }

    private static JObject WithoutStream(JObject request)
    {
        var copy = (JObject)request.DeepClone();
        foreach (var member in StreamMembers)
        {
            copy.Remove(member);
        }

        return copy;
    }
}
