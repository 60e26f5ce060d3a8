using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace OpenAI.Gen.Testing;

/// <summary>
/// The bodies <see cref="SpecExampleHandler"/> answers with where the spec's examples give no JSON: for a binary media
/// type a small generated body that starts as a file of that type does (its signature), so that sniffing code sees
/// the type; for a text one the example's text.
/// </summary>
internal static class FakeBody
{
    private const int Size = 64;

    // File signatures by media type: what a reader checks first. Other binary types get the filler alone.
    private static readonly Dictionary<string, string> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "\x89PNG\r\n\x1a\n",
        ["image/jpeg"] = "\xff\xd8\xff",
        ["image/webp"] = "RIFF\0\0\0\0WEBP",
        ["image/gif"] = "GIF89a",
        ["audio/mpeg"] = "ID3",
        ["audio/wav"] = "RIFF\0\0\0\0WAVE",
        ["audio/flac"] = "fLaC",
        ["audio/ogg"] = "OggS",
        ["audio/opus"] = "OggS",
        ["audio/aac"] = "\xff\xf1",
        ["video/mp4"] = "\0\0\0\x18ftypmp42",
        ["application/zip"] = "PK\x03\x04",
        ["application/pdf"] = "%PDF-",
    };

    /// <summary>A 200 answer of <paramref name="mediaType"/>: its signature, then bytes counting up to <see cref="Size"/>.</summary>
    public static HttpResponseMessage Binary(string mediaType)
    {
        var bytes = new byte[Size];
        var signature = Signatures.TryGetValue(mediaType, out var known) ? known : string.Empty;
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = i < signature.Length ? (byte)signature[i] : (byte)i;
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A 200 answer of <paramref name="mediaType"/> holding <paramref name="text"/>.</summary>
    public static HttpResponseMessage Text(string mediaType, string text) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(text, Encoding.UTF8, mediaType),
    };
}
