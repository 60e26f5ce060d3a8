using System;
using System.Net.Http;

namespace OpenAI.Gen;

/// <summary>
/// Client for the OpenAI Chat Completions and Completions endpoints. The operations are generated from
/// <c>openapi/openai.yaml</c>; this part adds construction from <see cref="OpenAIClientOptions"/>, and every request goes
/// through one pipeline (credentials, headers, timeouts, retries, logging, typed errors — see <see cref="OpenAIException"/>).
/// All operations are virtual and declared by <see cref="IOpenAIClient"/>, so the client can be faked in tests.
/// </summary>
public partial class OpenAIClient
{
    private readonly OpenAIClientCore _core;

    /// <summary>Creates a client configured from the environment (<c>OPENAI_API_KEY</c>, <c>OPENAI_BASE_URL</c>, …).</summary>
    public OpenAIClient()
        : this(new OpenAIClientOptions())
    {
    }

    /// <summary>Creates a client for api.openai.com (or <c>OPENAI_BASE_URL</c>) that authenticates with <paramref name="apiKey"/>.</summary>
    public OpenAIClient(string apiKey)
        : this(new OpenAIClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>
    /// Creates a client over a caller-owned <paramref name="httpClient"/> that sends <paramref name="apiKey"/> as a Bearer
    /// token (<c>OPENAI_API_KEY</c> when null).
    /// </summary>
    public OpenAIClient(HttpClient httpClient, string? apiKey)
        : this(httpClient, new OpenAIClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client over a caller-owned <paramref name="httpClient"/> with another base URL, e.g. an OpenAI-compatible server.</summary>
    public OpenAIClient(HttpClient httpClient, string? apiKey, Uri baseUrl)
        : this(httpClient, new OpenAIClientOptions { ApiKey = apiKey, BaseUrl = baseUrl ?? throw new ArgumentNullException(nameof(baseUrl)) })
    {
    }

    /// <summary>Creates a client over a caller-owned <paramref name="httpClient"/> with the settings from the environment (<c>OPENAI_API_KEY</c>, …).</summary>
    public OpenAIClient(HttpClient httpClient)
        : this(httpClient, new OpenAIClientOptions())
    {
    }

    /// <summary>Creates a client from <paramref name="options"/>; unset values come from the environment or the defaults.</summary>
    public OpenAIClient(OpenAIClientOptions options)
        : this(new OpenAIClientSettings(options, null))
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> (e.g. one from <c>IHttpClientFactory</c>) with the
    /// other settings from <paramref name="options"/>; <see cref="OpenAIClientOptions.HttpClient"/> is ignored.
    /// </summary>
    public OpenAIClient(HttpClient httpClient, OpenAIClientOptions options)
        : this(new OpenAIClientSettings(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient))))
    {
    }

    private OpenAIClient(OpenAIClientSettings settings)
    {
        _core = new OpenAIClientCore(settings);
    }

    /// <summary>The base URL every request goes to, ending with <c>/</c>; set through <see cref="OpenAIClientOptions.BaseUrl"/> (or <c>OPENAI_BASE_URL</c>).</summary>
    public string BaseUrl => _core.Settings.BaseUrl;
}
