using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Client for the OpenAI Chat Completions and Completions endpoints. The operations are generated from
/// <c>openapi/openai.yaml</c>; this part adds authentication and construction.
/// </summary>
public partial class OpenAIClient
{
    private readonly string? _apiKey;

    /// <summary>Creates a client for api.openai.com that authenticates with <paramref name="apiKey"/>.</summary>
    public OpenAIClient(string apiKey)
        : this(new HttpClient(), apiKey)
    {
    }

    /// <summary>Creates a client over a caller-owned <paramref name="httpClient"/> that sends <paramref name="apiKey"/> as a Bearer token.</summary>
    public OpenAIClient(HttpClient httpClient, string? apiKey)
        : this(httpClient)
    {
        _apiKey = apiKey;
    }

    /// <summary>Creates a client over a caller-owned <paramref name="httpClient"/> with another base URL, e.g. an OpenAI-compatible server.</summary>
    public OpenAIClient(HttpClient httpClient, string? apiKey, Uri baseUrl)
        : this(httpClient, apiKey)
    {
        BaseUrl = (baseUrl ?? throw new ArgumentNullException(nameof(baseUrl))).ToString();
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        // Strings stay strings (no date guessing), so unknown members round-trip byte for byte.
        settings.DateParseHandling = DateParseHandling.None;
        settings.MaxDepth = 128;
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (!string.IsNullOrEmpty(_apiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }
    }
}
