// TEMPORARY until the 'streaming' branch is merged.
using System;
using System.Collections.Generic;
using System.Threading;

namespace OpenAI.Gen.Cli
{
    internal static class PendingStreamingMerge
    {
        public static IAsyncEnumerable<CreateChatCompletionStreamResponse> CreateChatCompletionStreamAsync(this IOpenAIClient client, CreateChatCompletionRequest body, CancellationToken cancellationToken) =>
            throw new NotImplementedException();

        public static IAsyncEnumerable<CreateCompletionResponse> CreateCompletionStreamAsync(this IOpenAIClient client, CreateCompletionRequest body, CancellationToken cancellationToken) =>
            throw new NotImplementedException();
    }
}
