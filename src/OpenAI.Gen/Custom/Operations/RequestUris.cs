using System;
using System.Collections.Concurrent;

namespace OpenAI.Gen;

/// <summary>The request URIs of one base URL, parsed once per operation path instead of once per call (operations without path or query parameters).</summary>
internal sealed class RequestUris
{
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    internal RequestUris(string baseUrl)
    {
        BaseUrl = baseUrl;
    }

    internal string BaseUrl { get; }

    internal Uri For(string path)
    {
        if (!_uris.TryGetValue(path, out var uri))
        {
            uri = new Uri(BaseUrl + path, UriKind.RelativeOrAbsolute);
            _uris.TryAdd(path, uri);
        }

        return uri;
    }
}
