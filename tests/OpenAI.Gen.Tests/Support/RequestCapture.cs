using System.Linq;
using System.Net.Http;

namespace OpenAI.Gen.Tests.Support;

/// <summary>What a MockHttp expectation saw of a request.</summary>
public sealed class RequestCapture
{
    /// <summary>HTTP method.</summary>
    public string? Method { get; private set; }

    /// <summary>Authorization header.</summary>
    public string? Authorization { get; private set; }

    /// <summary>Content-Type media type.</summary>
    public string? ContentType { get; private set; }

    /// <summary>Accept header.</summary>
    public string? Accept { get; private set; }

    /// <summary>Body text.</summary>
    public string? Body { get; private set; }

    /// <summary>Records <paramref name="request"/>; always matches.</summary>
    public bool Take(HttpRequestMessage request)
    {
        Method = request.Method.Method;
        Authorization = request.Headers.Authorization?.ToString();
        ContentType = request.Content?.Headers.ContentType?.MediaType;
        Accept = string.Join(", ", request.Headers.Accept.Select(a => a.ToString()));
        Body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
        return true;
    }
}
