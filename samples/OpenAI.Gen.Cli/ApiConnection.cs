using System;
using System.IO;
using System.Net.Http;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Cli;

/// <summary>
/// The client an API command calls through: the server of <c>--base-url</c> (or <c>OPENAI_BASE_URL</c>), OpenAI when
/// <c>OPENAI_API_KEY</c> is set, and otherwise the embedded fake server that answers from the spec's examples, with no
/// network (said on stderr, so that the output is never mistaken for a model's).
/// </summary>
public sealed class ApiConnection : IDisposable
{
    private readonly HttpClient? _http;

    private ApiConnection(OpenAIClient client, HttpClient? http, bool offline)
    {
        Client = client;
        _http = http;
        IsOffline = offline;
    }

    /// <summary>The client to call.</summary>
    public OpenAIClient Client { get; }

    /// <summary>Whether the answers come from the embedded fake server.</summary>
    public bool IsOffline { get; }

    /// <summary>
    /// Chooses the server, reading the environment through <paramref name="environment"/>; returns null (having said
    /// why on <paramref name="error"/>) when <c>OPENAI_BASE_URL</c> is not a URL.
    /// </summary>
    public static ApiConnection? Open(Uri? baseUrl, Func<string, string?> environment, TextWriter error)
    {
        var apiKey = NonEmpty(environment(OpenAIClientOptions.ApiKeyEnvironmentVariable));
        var environmentUrl = NonEmpty(environment(OpenAIClientOptions.BaseUrlEnvironmentVariable));
        if (baseUrl == null && environmentUrl != null && !Uri.TryCreate(environmentUrl, UriKind.Absolute, out baseUrl))
        {
            error.WriteLine($"{OpenAIClientOptions.BaseUrlEnvironmentVariable} is not an absolute URL: '{environmentUrl}'");
            return null;
        }

        if (apiKey == null && baseUrl == null)
        {
            error.WriteLine($"openai-gen: no {OpenAIClientOptions.ApiKeyEnvironmentVariable} and no --base-url: answering offline from the spec's examples (embedded fake server), not from a model.");
            var http = new HttpClient(new SpecExampleHandler());
            var options = new OpenAIClientOptions { ApiKey = "sk-offline-examples", BaseUrl = OpenAIClientOptions.DefaultBaseUrl, MaxRetries = 0 };
            return new ApiConnection(new OpenAIClient(http, options), http, offline: true);
        }

        return new ApiConnection(new OpenAIClient(new OpenAIClientOptions { ApiKey = apiKey, BaseUrl = baseUrl ?? OpenAIClientOptions.DefaultBaseUrl }), null, offline: false);
    }

    /// <inheritdoc />
    public void Dispose() => _http?.Dispose();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
