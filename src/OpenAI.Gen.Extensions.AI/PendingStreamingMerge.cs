// TEMPORARY until the 'streaming' branch is merged: stands in for IOpenAIClient.CreateChatCompletionStreamAsync and OpenAIStreamException.
using System;
using System.Collections.Generic;
using System.Threading;

namespace OpenAI.Gen
{
    internal static class PendingStreamingMerge
    {
        public static IAsyncEnumerable<CreateChatCompletionStreamResponse> CreateChatCompletionStreamAsync(this IOpenAIClient client, CreateChatCompletionRequest body, CancellationToken cancellationToken) =>
            throw new NotImplementedException();
    }

    internal class OpenAIStreamException : OpenAIException
    {
        public OpenAIStreamException(string message, int eventNumber, int statusCode, string? data, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
            : base(message, statusCode, data, headers, innerException)
        {
        }
    }
}
