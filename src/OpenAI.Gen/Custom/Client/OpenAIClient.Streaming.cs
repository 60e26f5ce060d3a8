using System;
using System.Collections.Generic;
using System.Threading;

namespace OpenAI.Gen;

/// <summary>Streaming (server-sent events) for both endpoints.</summary>
public partial class OpenAIClient
{
    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreateChatCompletionStreamResponse> CreateChatCompletionStreamAsync(CreateChatCompletionRequest body, CancellationToken cancellationToken = default)
    {
        if (body == null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        return _core.StreamAsync<CreateChatCompletionStreamResponse>(OpenAIOperations.CreateChatCompletion, OpenAIOperations.NoValues, body.AsStreamRequest(), namedEvents: false, cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreateCompletionResponse> CreateCompletionStreamAsync(CreateCompletionRequest body, CancellationToken cancellationToken = default)
    {
        if (body == null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        return _core.StreamAsync<CreateCompletionResponse>(OpenAIOperations.CreateCompletion, OpenAIOperations.NoValues, body.AsStreamRequest(), namedEvents: false, cancellationToken);
    }
}
