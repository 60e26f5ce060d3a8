using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OpenAI.Gen;

/// <summary>
/// <see cref="OpenAIClientOptions"/> read once, validated and completed from the environment, so a client never changes
/// under a caller who keeps editing the options object.
/// </summary>
internal sealed class OpenAIClientSettings
{
    internal const string AuthorizationHeader = "Authorization";
    internal const string OrganizationHeader = "OpenAI-Organization";
    internal const string ProjectHeader = "OpenAI-Project";
    internal const string UserAgentHeader = "User-Agent";

    /// <summary>Sent with every attempt: how many attempts came before it (0 on the first), as the official SDKs do.</summary>
    internal const string RetryCountHeader = "X-Retry-Count";

    /// <summary><c>OpenAI.Gen/&lt;package version&gt;</c>, without the source-revision suffix.</summary>
    internal static readonly string UserAgent = "OpenAI.Gen/" + PackageVersion();

    private static readonly Lazy<HttpClient> SharedTransport = new(CreateSharedTransport, isThreadSafe: true);

    private readonly string? _apiKey;

    internal OpenAIClientSettings(OpenAIClientOptions options, HttpClient? transport)
    {
        if (options == null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _apiKey = NonEmpty(options.ApiKey) ?? NonEmpty(Environment.GetEnvironmentVariable(OpenAIClientOptions.ApiKeyEnvironmentVariable));
        KeyHeader = NonEmpty(options.ApiKeyHeader) ?? AuthorizationHeader;
        KeyValue = _apiKey == null ? null
            : string.Equals(KeyHeader, AuthorizationHeader, StringComparison.OrdinalIgnoreCase) ? "Bearer " + _apiKey : _apiKey;
        Query = QueryString(options.QueryParameters);
        BaseUrl = ResolveBaseUrl(options.BaseUrl);
        Organization = NonEmpty(options.Organization) ?? NonEmpty(Environment.GetEnvironmentVariable(OpenAIClientOptions.OrganizationEnvironmentVariable));
        Project = NonEmpty(options.Project) ?? NonEmpty(Environment.GetEnvironmentVariable(OpenAIClientOptions.ProjectEnvironmentVariable));

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "OpenAIClientOptions.Timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "OpenAIClientOptions.MaxRetries must be 0 or more.");
        }

        // Polly refuses delays outside [0, 1 day]; say so with our option names instead of its validation error.
        InitialRetryDelay = Delay(options.InitialRetryDelay, nameof(OpenAIClientOptions.InitialRetryDelay));
        MaxRetryDelay = Delay(options.MaxRetryDelay, nameof(OpenAIClientOptions.MaxRetryDelay));
        MaxRetryAfter = Delay(options.MaxRetryAfter, nameof(OpenAIClientOptions.MaxRetryAfter));

        if (options.TotalTimeout is { } total && total <= TimeSpan.Zero && total != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), total, "OpenAIClientOptions.TotalTimeout must be positive, or null for none.");
        }

        MaxResponseBytes = Positive(options.MaxResponseBytes, nameof(OpenAIClientOptions.MaxResponseBytes));
        MaxEventBytes = Positive(options.MaxEventBytes, nameof(OpenAIClientOptions.MaxEventBytes));
        TotalTimeout = options.TotalTimeout == System.Threading.Timeout.InfiniteTimeSpan ? null : options.TotalTimeout;
        Timeout = options.Timeout;
        MaxRetries = options.MaxRetries;
        DefaultHeaders = ValidHeaders(options.DefaultHeaders);
        Logger = (ILogger?)options.LoggerFactory?.CreateLogger<OpenAIClient>() ?? NullLogger.Instance;
        if (new Uri(BaseUrl) is { Scheme: "http", IsLoopback: false } plain)
        {
            OpenAILog.InsecureBaseUrl(Logger, plain.GetLeftPart(UriPartial.Authority));
        }
        Transport = transport ?? options.HttpClient ?? SharedTransport.Value;
    }

    /// <summary>The base URL, ending with <c>/</c>.</summary>
    internal string BaseUrl { get; }

    internal string? Organization { get; }

    internal string? Project { get; }

    internal TimeSpan Timeout { get; }

    /// <summary>The deadline of a whole call, retries included; null for none.</summary>
    internal TimeSpan? TotalTimeout { get; }

    internal int MaxResponseBytes { get; }

    internal int MaxEventBytes { get; }

    internal int MaxRetries { get; }

    internal TimeSpan InitialRetryDelay { get; }

    internal TimeSpan MaxRetryDelay { get; }

    internal TimeSpan MaxRetryAfter { get; }

    internal IReadOnlyList<KeyValuePair<string, string>> DefaultHeaders { get; }

    internal ILogger Logger { get; }

    /// <summary>The client that carries every attempt (the caller's, or the shared one).</summary>
    internal HttpClient Transport { get; }

    /// <summary>The header that carries the key: <c>Authorization</c> (as <c>Bearer …</c>) or e.g. Azure's <c>api-key</c>.</summary>
    internal string KeyHeader { get; }

    /// <summary>The <see cref="KeyHeader"/> value to send, or null when the key is missing.</summary>
    internal string? KeyValue { get; }

    /// <summary>The configured query parameters, escaped and joined (<c>api-version=2024-06-01</c>), or null for none.</summary>
    internal string? Query { get; }

    /// <summary>Whether some configured source (key, default header, caller's client) authenticates the requests.</summary>
    internal bool HasCredentials =>
        _apiKey != null
        || DefaultHeaders.Any(h => string.Equals(h.Key, AuthorizationHeader, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Key, KeyHeader, StringComparison.OrdinalIgnoreCase))
        || Transport.DefaultRequestHeaders.Authorization != null;

    internal static string MissingApiKeyMessage =>
        $"No OpenAI API key: set OpenAIClientOptions.ApiKey (or pass it to the OpenAIClient constructor) or the {OpenAIClientOptions.ApiKeyEnvironmentVariable} environment variable.";

    /// <summary>A time limit for a message: <c>200 ms</c>, <c>600 s</c>.</summary>
    internal static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1
            ? duration.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms"
            : duration.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    private static string ResolveBaseUrl(Uri? configured)
    {
        var url = configured;
        if (url == null && NonEmpty(Environment.GetEnvironmentVariable(OpenAIClientOptions.BaseUrlEnvironmentVariable)) is { } fromEnvironment)
        {
            if (!Uri.TryCreate(fromEnvironment, UriKind.Absolute, out url))
            {
                throw new ArgumentException($"The {OpenAIClientOptions.BaseUrlEnvironmentVariable} environment variable is not an absolute URL: '{fromEnvironment}'.");
            }
        }

        url ??= OpenAIClientOptions.DefaultBaseUrl;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"OpenAIClientOptions.BaseUrl must be an absolute http(s) URL: '{url}'.");
        }

        var text = url.ToString();
        return text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/";
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ValidHeaders(IDictionary<string, string> headers)
    {
        // A name HttpClient would refuse (a content header, a malformed name) would otherwise be dropped without a word.
        using var probe = new HttpRequestMessage();
        foreach (var header in headers)
        {
            if (!probe.Headers.TryAddWithoutValidation(header.Key, header.Value ?? string.Empty))
            {
                throw new ArgumentException($"OpenAIClientOptions.DefaultHeaders: '{header.Key}' cannot be sent as a request header.");
            }
        }

        return headers.ToList();
    }

    private static TimeSpan Delay(TimeSpan value, string name) =>
        value >= TimeSpan.Zero && value <= TimeSpan.FromDays(1)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"OpenAIClientOptions.{name} must be between 0 and 1 day.");

    private static string? QueryString(IDictionary<string, string> parameters) =>
        parameters.Count == 0
            ? null
            : string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value ?? string.Empty)));

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"OpenAIClientOptions.{name} must be positive.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static string PackageVersion()
    {
        var version = typeof(OpenAIClientSettings).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(OpenAIClientSettings).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    private static HttpClient CreateSharedTransport()
    {
#if NET8_0_OR_GREATER
        // Recycle pooled connections so DNS changes are seen by a long-lived process; close a stream the caller left
        // early at once instead of draining it (the server would keep generating tokens meanwhile).
        // Redirects are the pipeline's to follow (same origin only), so credentials never reach another host.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxResponseDrainSize = 0, AllowAutoRedirect = false };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
#endif
        // The pipeline times each attempt itself.
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}
