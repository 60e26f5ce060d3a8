using System.Collections.Generic;
using System.Threading;

namespace OpenAI.Gen;

/// <summary>The streaming operations, declared beside the generated ones so that the client stays mockable.</summary>
public partial interface IOpenAIClient
{
    /// <summary>
    /// Creates a chat completion and yields its chunks as the server sends them (server-sent events, ended by
    /// <c>data: [DONE]</c>). Sets <c>stream: true</c> on the wire without changing <paramref name="body"/>.
    /// </summary>
    /// <param name="body">The request; its <c>stream</c> member is ignored.</param>
    /// <param name="cancellationToken">Cancels the request and the reading of the stream.</param>
    /// <returns>The chunks, one per event, each yielded as soon as its bytes arrive.</returns>
    /// <exception cref="OpenAIException">The server answered with a non-2xx status, or sent an error event.</exception>
    /// <exception cref="OpenAIStreamException">An event was not a valid chunk, or the connection was lost.</exception>
    IAsyncEnumerable<CreateChatCompletionStreamResponse> CreateChatCompletionStreamAsync(CreateChatCompletionRequest body, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a legacy completion and yields its chunks (which share the non-streaming response shape) as the
    /// server sends them. Sets <c>stream: true</c> on the wire without changing <paramref name="body"/>.
    /// </summary>
    /// <param name="body">The request; its <c>stream</c> member is ignored.</param>
    /// <param name="cancellationToken">Cancels the request and the reading of the stream.</param>
    /// <returns>The chunks, one per event, each yielded as soon as its bytes arrive.</returns>
    /// <exception cref="OpenAIException">The server answered with a non-2xx status, or sent an error event.</exception>
    /// <exception cref="OpenAIStreamException">An event was not a valid chunk, or the connection was lost.</exception>
    IAsyncEnumerable<CreateCompletionResponse> CreateCompletionStreamAsync(CreateCompletionRequest body, CancellationToken cancellationToken = default);
}
