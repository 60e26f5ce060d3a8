using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>The operations of <see cref="OpenAIClient"/>, for callers who fake the client in their tests.</summary>
public partial interface IOpenAIClient
{
    /// <summary>Like <c>CreateChatCompletionAsync</c>, with the answer's status, request id and rate-limit headers.</summary>
    /// <exception cref="OpenAIException">The call failed.</exception>
    Task<OpenAIResponse<CreateChatCompletionResponse>> CreateChatCompletionWithResponseAsync(CreateChatCompletionRequest body, CancellationToken cancellationToken = default);

    /// <summary>Like <c>CreateCompletionAsync</c>, with the answer's status, request id and rate-limit headers.</summary>
    /// <exception cref="OpenAIException">The call failed.</exception>
    Task<OpenAIResponse<CreateCompletionResponse>> CreateCompletionWithResponseAsync(CreateCompletionRequest body, CancellationToken cancellationToken = default);
}
