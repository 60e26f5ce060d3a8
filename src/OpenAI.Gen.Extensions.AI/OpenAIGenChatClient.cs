using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>
/// A Microsoft.Extensions.AI <see cref="IChatClient"/> over an <see cref="IOpenAIClient"/>: messages, images, function
/// tools, streaming with tool calls assembled, usage, finish reasons and the common <see cref="ChatOptions"/>.
/// </summary>
/// <remarks>
/// <para>
/// Messages: system, user (text, and images from <see cref="DataContent"/> or <see cref="UriContent"/> with an
/// <c>image/*</c> media type, sent as <c>image_url</c> parts; an image's <c>"detail"</c> additional property is sent
/// as its detail), assistant (text and <see cref="FunctionCallContent"/> as <c>tool_calls</c>) and tool
/// (<see cref="FunctionResultContent"/>, one tool message each). Another role goes out with its name and text. A
/// message whose <see cref="AIChatMessage.RawRepresentation"/> is a <see cref="ChatCompletionRequestMessage"/>, or a user
/// content whose raw representation is a <see cref="ChatCompletionRequestMessageContentPart"/>, is sent as it is.
/// Content that has no place in a message throws <see cref="NotSupportedException"/> naming it (e.g.
/// <c>messages[2].Contents[1]</c>).
/// </para>
/// <para>
/// Options: model, instructions (a leading system message), temperature, max output tokens (<c>max_tokens</c>), top-p,
/// frequency and presence penalties, stop sequences, seed, response format (text, JSON object, JSON schema), tools
/// (<see cref="AIFunctionDeclaration"/> only), tool mode (none, auto, required, a named function; sent only with
/// tools), multiple tool calls (<c>parallel_tool_calls</c>), reasoning effort. <see cref="ChatOptions.AdditionalProperties"/> set other request members
/// by their JSON name (<c>user</c>, <c>n</c>, <c>logit_bias</c>, …) or add members of newer APIs. A request returned by
/// <see cref="ChatOptions.RawRepresentationFactory"/> (a new one per call) is the starting point, and what it sets wins.
/// <see cref="ChatOptions.TopK"/>, <see cref="ChatOptions.ConversationId"/> and <see cref="ChatOptions.ContinuationToken"/>
/// have no counterpart and throw <see cref="NotSupportedException"/>.
/// </para>
/// <para>
/// Errors of the API are the client's <see cref="OpenAIException"/>. With <c>n</c> &gt; 1 only the first choice becomes
/// messages and updates; every choice stays in the raw representations.
/// </para>
/// </remarks>
public sealed class OpenAIGenChatClient : IChatClient
{
    /// <summary>The provider name of <see cref="ChatClientMetadata"/>.</summary>
    public const string ProviderName = "openai";

    private readonly IOpenAIClient _client;
    private readonly string? _defaultModelId;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the chat client.</summary>
    /// <param name="client">The client that makes the calls; the caller keeps owning it.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    public OpenAIGenChatClient(IOpenAIClient client, string? defaultModelId = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _defaultModelId = defaultModelId;
        var endpoint = client is OpenAIClient concrete && Uri.TryCreate(concrete.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl : null;
        _metadata = new ChatClientMetadata(ProviderName, endpoint, defaultModelId);
    }

    /// <summary>
    /// Whether a streamed request asks the server for a last chunk with the token counts
    /// (<c>stream_options: {"include_usage": true}</c>), which becomes a <see cref="UsageContent"/>. On by default;
    /// turn it off for a compatible server that refuses the member. A <c>stream_options</c> set through
    /// <see cref="ChatOptions.AdditionalProperties"/> or the raw request wins.
    /// </summary>
    public bool RequestStreamUsage { get; set; } = true;

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ChatRequestBuilder.Build(messages, options, _defaultModelId, this);
        var response = await _client.CreateChatCompletionAsync(request, cancellationToken).ConfigureAwait(false);
        return ChatResponseReader.Read(response);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Built before the first MoveNextAsync, so that a bad message or option throws at the call.
        var request = ChatRequestBuilder.Build(messages, options, _defaultModelId, this);
        if (RequestStreamUsage)
        {
            ExtraMembers.SetUnlessPresent(request, "stream_options", new Newtonsoft.Json.Linq.JObject { ["include_usage"] = true }, nameof(RequestStreamUsage));
        }

        return StreamingUpdateReader.ReadAsync(_client.CreateChatCompletionStreamAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Returns this client's <see cref="ChatClientMetadata"/>, itself, or the <see cref="IOpenAIClient"/> (or
    /// <see cref="OpenAIClient"/>) it calls, when asked for one of those types with no key; null otherwise.
    /// </summary>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceType == null)
        {
            throw new ArgumentNullException(nameof(serviceType));
        }

        if (serviceKey != null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        return serviceType.IsInstanceOfType(_client) ? _client : null;
    }

    /// <summary>Does nothing: the <see cref="IOpenAIClient"/> belongs to the caller.</summary>
    public void Dispose()
    {
    }
}
