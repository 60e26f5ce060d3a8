using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// The caller's request with its body read once, so that each attempt after the first sends a fresh copy: an
/// <see cref="HttpRequestMessage"/> can be sent only once, and the caller's <see cref="HttpClient"/> must see a request
/// it has not seen. The first attempt sends the request itself.
/// </summary>
internal sealed class OpenAIRequestTemplate
{
    private readonly HttpRequestMessage _original;
    private readonly Uri? _uri;
    private readonly byte[]? _body;
    private string? _target;
    private bool _unsent = true;

    private OpenAIRequestTemplate(HttpRequestMessage original, byte[]? body)
    {
        _original = original;
        _uri = original.RequestUri;
        _body = body;
    }

    /// <summary>
    /// Method, host and path, e.g. <c>POST api.openai.com/v1/chat/completions</c>: no query, no user info, no headers.
    /// Built when first asked for (a log line, an error, a stream), not on every call.
    /// </summary>
    internal string Target => _target ??=
        _original.Method.Method + " " + (_original.RequestUri is { IsAbsoluteUri: true } uri ? uri.Host + uri.AbsolutePath : _original.RequestUri?.ToString());

    /// <summary>The template of <paramref name="request"/>, which nothing has sent yet.</summary>
    internal static ValueTask<OpenAIRequestTemplate> CreateAsync(HttpRequestMessage request) => request.Content switch
    {
        // The client's own JSON bodies are bytes already: no task, no copy. Any other content is read once.
        null => new ValueTask<OpenAIRequestTemplate>(new OpenAIRequestTemplate(request, null)),
        JsonRequestContent json => new ValueTask<OpenAIRequestTemplate>(new OpenAIRequestTemplate(request, json.Utf8)),
        var content => new ValueTask<OpenAIRequestTemplate>(ReadBodyAsync(request, content)),
    };

    private static async Task<OpenAIRequestTemplate> ReadBodyAsync(HttpRequestMessage request, HttpContent content) =>
        new(request, await content.ReadAsByteArrayAsync().ConfigureAwait(false));

    /// <summary>
    /// The request of the next attempt, with the configured headers (the caller's own headers win over them): the
    /// unsent original itself for the first attempt, a copy for any other.
    /// </summary>
    internal HttpRequestMessage CreateAttempt(OpenAIClientSettings settings, int retries, Uri? redirectedTo = null)
    {
        var request = _unsent && redirectedTo == null ? _original : Copy(redirectedTo ?? _uri);
        _unsent = false;
        AddIfAbsent(request, settings);
        request.Headers.Remove(OpenAIClientSettings.RetryCountHeader);
        request.Headers.TryAddWithoutValidation(OpenAIClientSettings.RetryCountHeader, retries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>The address the request was made for (a transport that follows redirects changes the request's own).</summary>
    internal Uri? Uri => _uri;

    private HttpRequestMessage Copy(Uri? uri)
    {
        var request = new HttpRequestMessage(_original.Method, uri) { Version = _original.Version };
#if NET8_0_OR_GREATER
        request.VersionPolicy = _original.VersionPolicy;
        // Counted first: enumerating the options through their interface allocates, and there rarely are any.
        if (((IDictionary<string, object?>)_original.Options).Count > 0)
        {
            foreach (var option in _original.Options)
            {
                ((IDictionary<string, object?>)request.Options)[option.Key] = option.Value;
            }
        }
#else
        foreach (var property in _original.Properties)
        {
            request.Properties[property.Key] = property.Value;
        }
#endif
        // The original's headers include the configured ones when it was sent by the first attempt.
        foreach (var header in _original.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (_body != null)
        {
            request.Content = new ByteArrayContent(_body);
            foreach (var header in _original.Content!.Headers)
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return request;
    }

    private static void AddIfAbsent(HttpRequestMessage request, OpenAIClientSettings settings)
    {
        foreach (var header in settings.DefaultHeaders)
        {
            AddIfAbsent(request, header.Key, header.Value);
        }

        AddIfAbsent(request, settings.KeyHeader, settings.KeyValue);
        AddIfAbsent(request, OpenAIClientSettings.OrganizationHeader, settings.Organization);
        AddIfAbsent(request, OpenAIClientSettings.ProjectHeader, settings.Project);
        AddIfAbsent(request, OpenAIClientSettings.UserAgentHeader, OpenAIClientSettings.UserAgent);
    }

    private static void AddIfAbsent(HttpRequestMessage request, string name, string? value)
    {
        if (value != null && !request.Headers.Contains(name))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
