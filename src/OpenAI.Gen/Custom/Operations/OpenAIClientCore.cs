using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// Sends any <see cref="OpenAIOperation"/>: builds the request from the description and the caller's values (URI,
/// headers, body in the spec's media type), sends it through the client's <see cref="OpenAIPipeline"/> (credentials,
/// retries, time limits, logging), and hands the answer on as the spec describes it (a DTO, text, a stream, events, or
/// nothing), or throws the typed error. The generated operations are thin calls into this.
/// </summary>
internal sealed class OpenAIClientCore
{
    private const string JsonMediaType = "application/json";
    private const string EventStreamMediaType = "text/event-stream";

    private readonly OpenAIPipeline _pipeline;
    private readonly RequestUris _uris;

    internal OpenAIClientCore(OpenAIClientSettings settings)
    {
        Settings = settings;
        _pipeline = new OpenAIPipeline(settings);
        _uris = new RequestUris(settings.BaseUrl);
    }

    /// <summary>The client's settings, read once from its options.</summary>
    internal OpenAIClientSettings Settings { get; }

    /// <summary>Calls an operation that answers JSON, and reads the answer as <typeparamref name="T"/>.</summary>
    internal async Task<T> SendAsync<T>(OpenAIOperation operation, object?[] values, object? body, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(operation, values, body, operation.Accept(AnswerKind.Json, JsonMediaType));
        using var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SendAsync{T}"/>, with the answer's status and headers.</summary>
    internal async Task<OpenAIResponse<T>> SendWithResponseAsync<T>(OpenAIOperation operation, object?[] values, object? body, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(operation, values, body, operation.Accept(AnswerKind.Json, JsonMediaType));
        using var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var value = await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
        return new OpenAIResponse<T>(value, (int)response.StatusCode, ResponseHeaders.Collect(response));
    }

    /// <summary>Calls an operation whose answer has no body the caller needs (<c>204</c>, or one it ignores).</summary>
    internal async Task SendWithoutAnswerAsync(OpenAIOperation operation, object?[] values, object? body, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(operation, values, body, operation.Accept(AnswerKind.Json, JsonMediaType));
        using var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls an operation that answers text, and reads it whole.</summary>
    internal async Task<string> SendForTextAsync(OpenAIOperation operation, object?[] values, object? body, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(operation, values, body, operation.Accept(AnswerKind.Text, "text/plain"));
        using var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        return response.Content == null ? string.Empty : await response.Content.ReadTextAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls an operation that answers binary content (audio, images, files), and hands the body on as a stream read as
    /// it arrives: the caller disposes it, which releases the answer.
    /// </summary>
    internal async Task<Stream> SendForStreamAsync(OpenAIOperation operation, object?[] values, object? body, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(operation, values, body, operation.Accept(AnswerKind.Binary, "*/*"));
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
            var content = response.Content == null ? Stream.Null : await response.Content.ReadStreamAsync(cancellationToken).ConfigureAwait(false);
            return new AnswerStream(content, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Calls an operation that answers server-sent events and yields each event's data as a <typeparamref name="T"/> as
    /// soon as it arrives. <paramref name="namedEvents"/>: the operation names its events (<c>event: response.created</c>),
    /// each one a variant of <typeparamref name="T"/>; else only unnamed (<c>message</c>) events carry data.
    /// </summary>
    internal async IAsyncEnumerable<T> StreamAsync<T>(OpenAIOperation operation, object?[] values, object? body, bool namedEvents, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        using var request = CreateRequest(operation, values, body, EventStreamMediaType);
        // Headers only: the body is read event by event afterwards.
        using var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ThrowIfNotEventStreamAsync(response, cancellationToken).ConfigureAwait(false);

        using var stream = await response.Content.ReadStreamAsync(cancellationToken).ConfigureAwait(false);
        using var events = new StreamEventParser<T>(OpenAIJson.Default.Chunks, response, namedEvents);
        var maxEventBytes = Settings.MaxEventBytes;
        using var reader = new ServerSentEventReader(stream, maxEventBytes, () => events.EventTooLarge(maxEventBytes));
        while (true)
        {
            bool read;
            try
            {
                read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // A read aborted by the token can surface as an I/O error: report it as the cancellation it is.
                throw new OperationCanceledException("The stream was cancelled.", ex, cancellationToken);
            }
            catch (OpenAIConnectionException ex)
            {
                // The pipeline's stream reports the broken connection; add which event the stream had reached.
                throw events.ConnectionLost(ex);
            }

            if (!read)
            {
                // A stream may end without [DONE]; the events it did send were all delivered.
                if (events.EventNumber == 0)
                {
                    throw events.NoEvent();
                }

                yield break;
            }

            // Disposing the body (leaving this method, however) releases the response at once.
            var chunk = events.Parse(reader.EventType, reader.Data);
            if (events.IsDone)
            {
                yield break;
            }

            if (chunk != null)
            {
                yield return chunk;
            }
        }
    }

    /// <summary>
    /// Every item of a cursor-paginated list, page after page, each page fetched only when the caller has read the one
    /// before: <paramref name="fetch"/> gets the <c>after</c> cursor (null for the first page).
    /// </summary>
    internal static async IAsyncEnumerable<TItem> ListAllAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, bool?> hasMore,
        Func<TPage, string?> lastId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await fetch(after, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? Array.Empty<TItem>())
            {
                yield return item;
            }

            var next = lastId(page);
            if (hasMore(page) != true || string.IsNullOrEmpty(next))
            {
                yield break;
            }

            if (next == after)
            {
                throw new OpenAIException($"The list answered the same cursor '{next}' twice (has_more true): stopping instead of asking for the same page forever.", null);
            }

            after = next;
        }
    }

    private HttpRequestMessage CreateRequest(OpenAIOperation operation, object?[] values, object? body, string accept)
    {
        var uri = operation.HasUriParameters
            ? new Uri(Settings.BaseUrl + OperationUri.Relative(operation, values), UriKind.Absolute)
            : _uris.For(operation.PathTemplate);
        var request = new HttpRequestMessage(operation.Method, uri) { Content = OperationContent.Create(operation, body) };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            if (operation.Parameters[i].Location == ParameterLocation.Header && i < values.Length && values[i] is { } value)
            {
                request.Headers.TryAddWithoutValidation(operation.Parameters[i].Name, HeaderValue(value));
            }
        }

        return request;
    }

    // Header parameters are simple style: an array's items separated by commas.
    private static string HeaderValue(object value)
    {
        if (ParameterValues.Items(value) is not { } items)
        {
            return ParameterValues.Scalar(value);
        }

        var texts = new List<string>();
        foreach (var item in items)
        {
            if (item != null)
            {
                texts.Add(ParameterValues.Scalar(item));
            }
        }

        return string.Join(",", texts);
    }

    // A ValueTask: the answer is usually parsed from bytes the pipeline holds already, with nothing to wait for.
    private static async ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        T? value;
        try
        {
            value = response.Content == null ? default : await OpenAIJson.Default.Answers.ReadAsync<T>(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            throw new OpenAIException("Could not deserialize the response body stream as " + typeof(T).FullName + ".", status, string.Empty, ResponseHeaders.Collect(response), exception);
        }

        return value ?? throw new OpenAIException("Response was null which was not expected.", status, string.Empty, ResponseHeaders.Collect(response), null);
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        var text = response.Content == null ? null : await response.Content.ReadTextAsync(cancellationToken).ConfigureAwait(false);
        throw new OpenAIException("The HTTP status code of the response was not expected (" + status + ").", status, text, ResponseHeaders.Collect(response), null);
    }

    private static async Task ThrowIfNotEventStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content?.Headers.ContentType?.MediaType;
        var isJson = OperationAnswer.KindOf(mediaType) == AnswerKind.Json;
        if (status is >= 200 and < 300 && !isJson)
        {
            return;
        }

        await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        var text = response.Content == null ? null : await response.Content.ReadTextAsync(cancellationToken).ConfigureAwait(false);
        var headers = ResponseHeaders.Collect(response);

        // A JSON answer where events were asked for: an error body, or a server that ignored stream: true.
        var error = new OpenAIException("The server answered with JSON instead of an event stream.", status, text, headers, null);
        if (error.ErrorMessage != null || error.ErrorType != null || error.ErrorCode != null)
        {
            throw error;
        }

        throw new OpenAIStreamException($"The server answered with {mediaType} instead of {EventStreamMediaType}.", 0, status, text, headers, null);
    }
}
