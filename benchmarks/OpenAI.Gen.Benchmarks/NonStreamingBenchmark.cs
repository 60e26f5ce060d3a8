using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenAI.Chat;
using OpenAI.Gen.Testing;
using OfficialChatMessage = OpenAI.Chat.ChatMessage;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// A non-streaming chat completion, ours against the official SDK on the same bytes: the whole call (serialize a
/// typical request, send it through the client's pipeline to an in-memory transport, deserialize the answer), and
/// the answer's deserialization alone. The answers are the spec's <c>Default</c> and <c>Logprobs</c> examples as
/// OpenAI.Gen.Testing's fake server sends them (its example reader repairs the spec's defects, e.g. trailing commas).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ComparisonConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NonStreamingBenchmark
{
    private const string Call = "Call";
    private const string Deserialize = "Deserialize";

    private byte[] _answer = null!;
    private OpenAIClient _ours = null!;
    private CreateChatCompletionRequest _ourRequest = null!;
    private BodyReadingClient _ourReader = null!;
    private ChatClient _official = null!;
    private OfficialChatMessage[] _officialMessages = null!;
    private ChatCompletionOptions _officialOptions = null!;

    /// <summary>The spec example the server answers with.</summary>
    [Params("Default", "Logprobs")]
    public string Example { get; set; } = "Default";

    /// <summary>Takes the example's bytes from the fake server, builds both clients over them and checks both read them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var logprobs = Example == "Logprobs";
        _answer = SpecAnswer(logprobs);

        _ourRequest = new CreateChatCompletionRequest
        {
            Model = "gpt-4o",
            Messages =
            {
                new ChatCompletionRequestSystemMessage { Content = "You are a helpful assistant." },
                new ChatCompletionRequestUserMessage { Content = "Hello!" },
            },
            Temperature = 0.7,
#pragma warning disable CS0612, CS0618 // max_tokens, which newer specs deprecate, is what every spec's servers read.
            MaxTokens = 256,
#pragma warning restore CS0612, CS0618
        };
        _officialOptions = new ChatCompletionOptions { Temperature = 0.7f, MaxOutputTokenCount = 256 };
        if (logprobs)
        {
            _ourRequest.Logprobs = true;
            _ourRequest.TopLogprobs = 2;
            _officialOptions.IncludeLogProbabilities = true;
            _officialOptions.TopLogProbabilityCount = 2;
        }

        _ours = new OpenAIClient(new HttpClient(new InMemoryResponseHandler(_answer, "application/json")), "sk-bench");
        _ourReader = new BodyReadingClient();
        _official = new ChatClient("gpt-4o", new ApiKeyCredential("sk-bench"), new OpenAI.OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(new HttpClient(new InMemoryResponseHandler(_answer, "application/json"))),
        });
        _officialMessages = new OfficialChatMessage[] { new SystemChatMessage("You are a helpful assistant."), new UserChatMessage("Hello!") };

        var ours = OpenAIGenCall().GetAwaiter().GetResult();
        var official = OfficialSdkCall().GetAwaiter().GetResult();
        if (ours != official || ours == 0 || OpenAIGenDeserialize().GetAwaiter().GetResult() != ours || OfficialSdkDeserialize() != ours)
        {
            throw new InvalidOperationException($"{Example}: OpenAI.Gen read {ours} characters, the official SDK {official}.");
        }
    }

    /// <summary>OpenAI.Gen: <c>CreateChatCompletionAsync</c>.</summary>
    [Benchmark, BenchmarkCategory(Call)]
    public async Task<int> OpenAIGenCall() => Touch(await _ours.CreateChatCompletionAsync(_ourRequest));

    /// <summary>The official SDK: <c>CompleteChatAsync</c>.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Call)]
    public async Task<int> OfficialSdkCall() => Touch((await _official.CompleteChatAsync(_officialMessages, _officialOptions)).Value);

    /// <summary>OpenAI.Gen: the response bytes read by the client's own body reading (<c>ReadObjectResponseAsync</c>).</summary>
    [Benchmark, BenchmarkCategory(Deserialize)]
    public async Task<int> OpenAIGenDeserialize() => Touch(await _ourReader.ReadAsync(_answer));

    /// <summary>The official SDK: <c>ModelReaderWriter.Read&lt;ChatCompletion&gt;</c> of the same bytes.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Deserialize)]
    public int OfficialSdkDeserialize() => Touch(ModelReaderWriter.Read<ChatCompletion>(BinaryData.FromBytes(_answer))!);

    private static int Touch(CreateChatCompletionResponse response)
    {
        var message = response.Choices[0].Message;
        return message.Content!.Length + (response.Choices[0].Logprobs?.Content?.Count ?? 0);
    }

    private static int Touch(ChatCompletion completion) => completion.Content[0].Text.Length + completion.ContentTokenLogProbabilities.Count;

    // The fake server answers "logprobs": true with the Logprobs example, anything else with Default.
    private static byte[] SpecAnswer(bool logprobs)
    {
        using var http = new HttpClient(new SpecExampleHandler());
        var request = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]" + (logprobs ? ",\"logprobs\":true" : string.Empty) + "}";
        using var response = http.PostAsync("https://api.openai.com/v1/chat/completions", new StringContent(request, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        var body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("The fake server refused the request: " + Encoding.UTF8.GetString(body));
        }

        return body;
    }
}
