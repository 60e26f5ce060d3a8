using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace OpenAI.Gen;

/// <summary>
/// Settings of an <see cref="OpenAIClient"/>: credentials, server, timeouts, retries, transport and logging.
/// Read once when the client is created; later changes to this object do not affect an existing client.
/// Every property can be bound from configuration (e.g. <c>services.AddOpenAIGen(configuration.GetSection("OpenAI"))</c>)
/// except <see cref="HttpClient"/> and <see cref="LoggerFactory"/>.
/// </summary>
public sealed class OpenAIClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "OPENAI_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseUrl"/> is not set.</summary>
    public const string BaseUrlEnvironmentVariable = "OPENAI_BASE_URL";

    /// <summary>The environment variable read when <see cref="Organization"/> is not set.</summary>
    public const string OrganizationEnvironmentVariable = "OPENAI_ORG_ID";

    /// <summary>The environment variable read when <see cref="Project"/> is not set.</summary>
    public const string ProjectEnvironmentVariable = "OPENAI_PROJECT_ID";

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 64 MiB.</summary>
    public const int DefaultMaxResponseBytes = 64 << 20;

    /// <summary>The default of <see cref="MaxEventBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxEventBytes = 16 << 20;

    /// <summary>The server used when neither <see cref="BaseUrl"/> nor <c>OPENAI_BASE_URL</c> is set.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.openai.com/v1");

    /// <summary>
    /// The API key, sent as <c>Authorization: Bearer …</c>. When not set, <c>OPENAI_API_KEY</c> is read; when neither is
    /// set (and no <c>Authorization</c> header is configured otherwise) the first call fails with an <see cref="OpenAIException"/>.
    /// Never written to a message, log line or <c>ToString</c>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The server, e.g. <c>https://api.openai.com/v1</c> or any OpenAI-compatible server; operation paths are appended
    /// to it. When not set, <c>OPENAI_BASE_URL</c> is read, then <see cref="DefaultBaseUrl"/> is used.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The header that carries <see cref="ApiKey"/>: <c>Authorization</c> (the default, sent as <c>Bearer …</c>), or another
    /// name such as Azure OpenAI's <c>api-key</c>, sent as the bare key.
    /// </summary>
    public string? ApiKeyHeader { get; set; }

    /// <summary>Query parameters added to every request, e.g. Azure OpenAI's <c>api-version</c>. Values are sent as given (escaped).</summary>
    public IDictionary<string, string> QueryParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Options for an Azure OpenAI deployment: <see cref="BaseUrl"/> <c>{endpoint}/openai/deployments/{deployment}</c>
    /// (operations append <c>chat/completions</c>, …), the key in the <c>api-key</c> header and the <c>api-version</c>
    /// query parameter. The same client as for any other server: no Azure-specific code path.
    /// </summary>
    /// <param name="endpoint">The resource's endpoint, e.g. <c>https://my-resource.openai.azure.com</c>.</param>
    /// <param name="deployment">The deployment name (Azure routes by deployment; the request's <c>model</c> is not used to route).</param>
    /// <param name="apiVersion">The API version, e.g. <c>2024-10-21</c>.</param>
    /// <param name="apiKey">The resource key; null to read <c>OPENAI_API_KEY</c>.</param>
    public static OpenAIClientOptions ForAzure(Uri endpoint, string deployment, string apiVersion, string? apiKey = null)
    {
        if (endpoint == null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        if (string.IsNullOrWhiteSpace(deployment) || string.IsNullOrWhiteSpace(apiVersion))
        {
            throw new ArgumentException("An Azure OpenAI deployment name and API version are required.");
        }

        var options = new OpenAIClientOptions
        {
            ApiKey = apiKey,
            ApiKeyHeader = "api-key",
            BaseUrl = new Uri(endpoint.ToString().TrimEnd('/') + "/openai/deployments/" + Uri.EscapeDataString(deployment)),
        };
        options.QueryParameters["api-version"] = apiVersion;
        return options;
    }

    /// <summary>Sent as the <c>OpenAI-Organization</c> header when set (else <c>OPENAI_ORG_ID</c> when set).</summary>
    public string? Organization { get; set; }

    /// <summary>Sent as the <c>OpenAI-Project</c> header when set (else <c>OPENAI_PROJECT_ID</c> when set).</summary>
    public string? Project { get; set; }

    /// <summary>
    /// The longest one attempt may take: until the whole answer has arrived, or, for a streamed answer, until its headers
    /// arrive and then between two pieces of the stream. An attempt that runs out of time is retried like a lost
    /// connection; the last one raises <see cref="OpenAITimeoutException"/>. Default 10 minutes;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest a whole call may take, every attempt and every wait between attempts included; a retry that could not
    /// finish before it is not started. A streamed answer counts until its headers arrive. When it runs out the call
    /// raises <see cref="OpenAITimeoutException"/>. Default none (null): only <see cref="Timeout"/> bounds each attempt.
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>
    /// The largest answer read whole (JSON and error answers), in bytes. A <c>Content-Length</c> above it is refused before
    /// the body is read, and a body that grows past it is cut off; either raises an <see cref="OpenAIException"/> naming
    /// this option, which is not retried. Default 64 MiB.
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// The largest line, and the largest data of one event, of a streamed answer, in bytes. Reading stops with an
    /// <see cref="OpenAIStreamException"/> naming this option instead of holding a line that never ends. Default 16 MiB.
    /// </summary>
    public int MaxEventBytes { get; set; } = DefaultMaxEventBytes;

    /// <summary>
    /// How many times a failed attempt is retried (408, 409, 429, 5xx, lost connections, timeouts). Default 2; 0 disables
    /// retries. A streamed answer is never retried once its headers have arrived.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The median wait before the first retry; it doubles on every retry, with jitter. Default 0.5 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest computed wait between two attempts. Default 8 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest wait the server may ask for with <c>retry-after-ms</c> or <c>Retry-After</c>; a longer ask is cut to
    /// this. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The <see cref="System.Net.Http.HttpClient"/> that carries the requests, owned by the caller (its handlers, proxy,
    /// <c>DefaultRequestHeaders</c> and its own <c>Timeout</c> apply too). When not set, a client shared by all
    /// <see cref="OpenAIClient"/> instances of the process is used.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// Headers added to every request, e.g. for a gateway. A header named here replaces the one the client would send
    /// (<c>User-Agent</c>, <c>Authorization</c>, <c>OpenAI-Organization</c>, <c>OpenAI-Project</c>). Values are never logged.
    /// </summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where the client logs requests, answers (status, request id, duration) and retries; none when not set.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
