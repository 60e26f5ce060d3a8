using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace OpenAI.Gen.Tests.Client;

/// <summary>What a user's fake looks like: a subclass that overrides one operation and never touches HTTP.</summary>
public sealed class FakeClient : OpenAIClient
{
    /// <summary>Creates the fake.</summary>
    public FakeClient()
        : base(new OpenAIClientOptions { ApiKey = "unused" })
    {
    }

    /// <inheritdoc />
    public override Task<CreateChatCompletionResponse> CreateChatCompletionAsync(CreateChatCompletionRequest body, CancellationToken cancellationToken = default) =>
        Task.FromResult(JsonConvert.DeserializeObject<CreateChatCompletionResponse>(
            "{\"id\":\"fake-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}")!);

    /// <inheritdoc />
    public override async Task<OpenAIResponse<CreateChatCompletionResponse>> CreateChatCompletionWithResponseAsync(CreateChatCompletionRequest body, CancellationToken cancellationToken = default) =>
        new(await CreateChatCompletionAsync(body, cancellationToken), 200, new Dictionary<string, IEnumerable<string>> { ["x-request-id"] = new[] { "req_fake" } });
}
