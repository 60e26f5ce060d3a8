using Microsoft.Extensions.AI;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>Exposes an <see cref="IOpenAIClient"/> as a Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
public static class OpenAIClientChatExtensions
{
    /// <summary>
    /// An <see cref="IChatClient"/> that calls chat completions through <paramref name="client"/>, e.g. to build a
    /// pipeline: <c>client.AsIChatClient("gpt-4o-mini").AsBuilder().UseFunctionInvocation().Build()</c>.
    /// </summary>
    /// <param name="client">The client that makes the calls; the caller keeps owning it.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    public static IChatClient AsIChatClient(this IOpenAIClient client, string? defaultModelId = null) =>
        new OpenAIGenChatClient(client, defaultModelId);
}
