using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// Client for the OpenAI Chat Completions and Completions endpoints. The operations are generated from
/// <c>openapi/openai.yaml</c>; this part adds construction from <see cref="OpenAIClientOptions"/>, and every request goes
/// through one pipeline (credentials, headers, timeouts, retries, logging, typed errors — see <see cref="OpenAIException"/>).
/// All operations are virtual and declared by <see cref="IOpenAIClient"/>, so the client can be faked in tests.
/// </summary>
public partial class OpenAIClient
{
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

    /// <summary>Creates a client from <paramref name="options"/>; unset values come from the environment or the defaults.</summary>
    public OpenAIClient(OpenAIClientOptions options)
        : this(new OpenAIHttpPipeline(new OpenAIClientSettings(options, null)))
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> (e.g. one from <c>IHttpClientFactory</c>) with the
    /// other settings from <paramref name="options"/>; <see cref="OpenAIClientOptions.HttpClient"/> is ignored.
    /// </summary>
    public OpenAIClient(HttpClient httpClient, OpenAIClientOptions options)
        : this(new OpenAIHttpPipeline(new OpenAIClientSettings(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)))))
    {
    }

    /// <summary>Like <c>CreateChatCompletionAsync</c>, with the answer's status, request id and rate-limit headers.</summary>
    /// <exception cref="OpenAIException">The call failed.</exception>
    public virtual Task<OpenAIResponse<CreateChatCompletionResponse>> CreateChatCompletionWithResponseAsync(CreateChatCompletionRequest body, CancellationToken cancellationToken = default) =>
        OpenAIResponseCapture.RunAsync(() => CreateChatCompletionAsync(body, cancellationToken), nameof(CreateChatCompletionAsync));

    /// <summary>Like <c>CreateCompletionAsync</c>, with the answer's status, request id and rate-limit headers.</summary>
    /// <exception cref="OpenAIException">The call failed.</exception>
    public virtual Task<OpenAIResponse<CreateCompletionResponse>> CreateCompletionWithResponseAsync(CreateCompletionRequest body, CancellationToken cancellationToken = default) =>
        OpenAIResponseCapture.RunAsync(() => CreateCompletionAsync(body, cancellationToken), nameof(CreateCompletionAsync));

    /// <summary>
    /// Runs at the end of every constructor, the generated <c>OpenAIClient(HttpClient)</c> included: a bare client
    /// given there is wrapped in the pipeline with settings from the environment, so no path skips credentials,
    /// retries or typed errors.
    /// </summary>
    partial void Initialize()
    {
        if (_httpClient is not OpenAIHttpPipeline)
        {
            _httpClient = new OpenAIHttpPipeline(new OpenAIClientSettings(new OpenAIClientOptions(), _httpClient ?? throw new ArgumentNullException("httpClient")));
        }

        BaseUrl = ((OpenAIHttpPipeline)_httpClient).Settings.BaseUrl;
    }

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response) => OpenAIResponseCapture.Observe(response);
}
