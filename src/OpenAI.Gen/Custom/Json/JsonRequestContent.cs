using System.Net.Http;
using System.Net.Http.Headers;

namespace OpenAI.Gen;

/// <summary>
/// A request body as UTF-8 JSON (<c>application/json</c>). The pipeline sends <see cref="Utf8"/> on every attempt
/// without reading the content again; the bytes are never pooled, because a transport may still be sending them after
/// the answer arrived.
/// </summary>
internal sealed class JsonRequestContent : ByteArrayContent
{
    private JsonRequestContent(byte[] utf8)
        : base(utf8)
    {
        Utf8 = utf8;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    /// <summary>The body's bytes; never changed.</summary>
    internal byte[] Utf8 { get; }

    /// <summary>The JSON of <paramref name="body"/> as the client writes it.</summary>
    internal static JsonRequestContent Create(object body) => new(OpenAIJson.Default.Writer.Write(body));
}
