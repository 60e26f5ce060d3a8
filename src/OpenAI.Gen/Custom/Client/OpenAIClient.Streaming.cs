using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Streaming (server-sent events) for both endpoints.</summary>
public partial class OpenAIClient
{
    private const string EventStreamMediaType = "text/event-stream";

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreateChatCompletionStreamResponse> CreateChatCompletionStreamAsync(CreateChatCompletionRequest body, CancellationToken cancellationToken = default)
    {
        if (body == null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        return StreamAsync<CreateChatCompletionStreamResponse>("chat/completions", body.AsStreamRequest(), cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreateCompletionResponse> CreateCompletionStreamAsync(CreateCompletionRequest body, CancellationToken cancellationToken = default)
    {
        if (body == null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        return StreamAsync<CreateCompletionResponse>("completions", body.AsStreamRequest(), cancellationToken);
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(string path, object body, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        using var request = CreateRequest(HttpMethod.Post, path, body, EventStreamMediaType);
        // Headers only: the body is read event by event afterwards.
        using var response = await SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        ProcessResponse(_httpClient, response);
        await ThrowIfNotEventStreamAsync(response, cancellationToken).ConfigureAwait(false);

        using var stream = await ReadAsStreamAsync(response.Content, cancellationToken).ConfigureAwait(false);
        using var events = new StreamEventParser<T>(OpenAIJson.Default.Chunks, response);
        var maxEventBytes = ((OpenAIHttpPipeline)_httpClient).Settings.MaxEventBytes;
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

    private static async Task ThrowIfNotEventStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content?.Headers.ContentType?.MediaType;
        var isJson = mediaType != null && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (status is >= 200 and < 300 && !isJson)
        {
            return;
        }

        var text = response.Content == null ? null : await ReadAsStringAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var headers = ResponseHeaders.Collect(response);
        if (status is < 200 or >= 300)
        {
            throw new OpenAIException("The HTTP status code of the response was not expected (" + status + ").", status, text, headers, null);
        }

        // A JSON answer where events were asked for: an error body, or a server that ignored stream: true.
        var error = new OpenAIException("The server answered with JSON instead of an event stream.", status, text, headers, null);
        if (error.ErrorMessage != null || error.ErrorType != null || error.ErrorCode != null)
        {
            throw error;
        }

        throw new OpenAIStreamException($"The server answered with {mediaType} instead of {EventStreamMediaType}.", 0, status, text, headers, null);
    }
}
