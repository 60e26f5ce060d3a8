using System;
using System.Net.Http;

namespace OpenAI.Gen.Testing;

/// <summary>What <see cref="ConformanceRunner"/> checks and how: the server, the spec whose examples it sends, and limits.</summary>
public sealed class ConformanceOptions
{
    /// <summary>Creates options for the server at <paramref name="baseUrl"/> (e.g. <c>http://localhost:11434/v1</c>).</summary>
    public ConformanceOptions(Uri baseUrl)
    {
        if (baseUrl == null)
        {
            throw new ArgumentNullException(nameof(baseUrl));
        }

        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"the base URL must be an absolute http(s) URL, got '{baseUrl}'", nameof(baseUrl));
        }

        // Spec paths are sent relative to it: "/chat/completions" under "http://host/v1/".
        BaseUrl = baseUrl.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>The server's base URL, ending with <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set; never written to the report.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Replaces the <c>model</c> of every request when set (the examples name models the server may not have).</summary>
    public string? Model { get; set; }

    /// <summary>The spec whose examples are sent and whose schemas judge the answers. Default: the one this package was built with.</summary>
    public SpecDocument Spec { get; set; } = SpecDocument.Embedded;

    /// <summary>Only this operation (its operationId, e.g. <c>createChatCompletion</c>, or its path, e.g. <c>/completions</c>) when set.</summary>
    public string? Only { get; set; }

    /// <summary>How long one check may take, from sending the request to the end of the answer. Default: 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Which schema the chunks of each streamed operation have, and which DTO a schema reads into (shared with the example validator).</summary>
    public ExampleValidationOptions Validation { get; set; } = new();

    /// <summary>The handler requests go through (e.g. a <see cref="SpecExampleHandler"/>, or one adding a proxy); default: a new <see cref="HttpClientHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>The base URL, model, spec and filter; never the API key.</summary>
    public override string ToString() =>
        $"{BaseUrl} (spec {Spec.SourceName}{(Model == null ? string.Empty : ", model " + Model)}{(Only == null ? string.Empty : ", only " + Only)}, api key {(ApiKey == null ? "none" : "set")})";
}
