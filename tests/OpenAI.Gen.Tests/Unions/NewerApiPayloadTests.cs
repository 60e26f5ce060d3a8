using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>
/// Payloads of newer API versions (facts of ../shared/spec/openai-2024-08-23.yaml: refusal, json_schema response
/// format, parallel_tool_calls, stream_options, service_tier, strict functions, tool_choice "required"; plus the later
/// "developer" role and "input_audio" part) go through this client, generated from the 2024-02 spec, unchanged.
/// </summary>
public class NewerApiPayloadTests
{
    private const string ChatRequest = """
        {
          "model": "gpt-4o-2024-08-06",
          "messages": [
            { "role": "developer", "content": "Answer in JSON.", "name": "ops" },
            { "role": "system", "content": "You are terse." },
            { "role": "user", "content": [
                { "type": "text", "text": "What is on this picture, and what do I say?" },
                { "type": "image_url", "image_url": { "url": "https://example.com/cat.png", "detail": "low" } },
                { "type": "input_audio", "input_audio": { "data": "UklGRg==", "format": "wav" } }
            ] },
            { "role": "assistant", "content": null, "refusal": "I can't help with that." },
            { "role": "assistant", "tool_calls": [ { "id": "call_1", "type": "function", "function": { "name": "lookup", "arguments": "{}" } } ], "refusal": null },
            { "role": "tool", "content": "{\"ok\":true}", "tool_call_id": "call_1" }
          ],
          "response_format": {
            "type": "json_schema",
            "json_schema": {
              "name": "answer", "description": "The answer.", "strict": true,
              "schema": { "type": "object", "properties": { "text": { "type": "string" } }, "required": ["text"], "additionalProperties": false }
            }
          },
          "tools": [ { "type": "function", "function": { "name": "lookup", "strict": true, "parameters": { "type": "object", "properties": {} } } } ],
          "tool_choice": "required",
          "parallel_tool_calls": false,
          "stream": true,
          "stream_options": { "include_usage": true },
          "service_tier": "auto",
          "max_completion_tokens": 100
        }
        """;

    private const string ChatResponse = """
        {
          "id": "chatcmpl-9", "object": "chat.completion", "created": 1723000000, "model": "gpt-4o-2024-08-06",
          "system_fingerprint": "fp_2f406b9113", "service_tier": "default",
          "choices": [
            {
              "index": 0,
              "message": { "role": "assistant", "content": null, "refusal": "I'm sorry, I can't help with that." },
              "logprobs": { "content": null, "refusal": [ { "token": "I", "logprob": -0.01, "bytes": [73], "top_logprobs": [] } ] },
              "finish_reason": "stop"
            },
            {
              "index": 1,
              "message": { "role": "assistant", "content": "{\"text\":\"a cat\"}", "refusal": null },
              "logprobs": null,
              "finish_reason": "a_reason_of_the_future"
            }
          ],
          "usage": { "prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29, "completion_tokens_details": { "reasoning_tokens": 0 } }
        }
        """;

    private const string SystemParts = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Be terse.\"}]}]}";

    private const string UsageChunk = """
        {"id":"chatcmpl-9","object":"chat.completion.chunk","created":1723000000,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_2f406b9113","service_tier":"default","choices":[],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29}}
        """;

    private const string RefusalChunk = """
        {"id":"chatcmpl-9","object":"chat.completion.chunk","created":1723000000,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"role":"assistant","content":null,"refusal":"I"},"logprobs":{"content":null,"refusal":[]},"finish_reason":"a_reason_of_the_future"}]}
        """;

    [Test]
    public void Newer_chat_request_round_trips_and_reads_as_far_as_this_client_knows()
    {
        var request = WireJson.AssertRoundTrip<CreateChatCompletionRequest>(ChatRequest);

        // What this client types depends on the spec it was generated from: the seed knows neither the developer role
        // nor the input_audio part, newer specs type both.
        var developer = request.Messages[0];
        var user = (ChatCompletionRequestUserMessage)request.Messages[2];
        Assert.That(user.Content.TryGetParts(out var parts), Is.True);
        var refusal = (ChatCompletionRequestAssistantMessage)request.Messages[3];
        Assert.Multiple(() =>
        {
            Assert.That((string?)JObject.Parse(WireJson.Write(developer))["role"], Is.EqualTo("developer"));
            Assert.That(developer, UnionTags.Of<ChatCompletionRequestMessage>().Split(", ").Contains("developer")
                ? Is.Not.InstanceOf<ChatCompletionRequestMessageUnknown>()
                : Is.InstanceOf<ChatCompletionRequestMessageUnknown>().And.Property("AdditionalProperties").ContainKey("content"));
            Assert.That(request.Messages[1], Is.InstanceOf<ChatCompletionRequestSystemMessage>());
            Assert.That(parts!.Take(2).Select(p => p.GetType()), Is.EqualTo(new[] { typeof(ChatCompletionRequestMessageContentPartText), typeof(ChatCompletionRequestMessageContentPartImage) }));
            Assert.That(parts![2], UnionTags.Of<ChatCompletionRequestMessageContentPart>().Split(", ").Contains("input_audio")
                ? Is.Not.InstanceOf<ChatCompletionRequestMessageContentPartUnknown>()
                : Is.InstanceOf<ChatCompletionRequestMessageContentPartUnknown>().And.Property("Type").EqualTo("input_audio"));
            Assert.That(refusal.Content, Is.Null);
            Assert.That(Specified.IsSet(refusal, "Content"), Is.True, "an explicit null is kept");
            Assert.That(ResponseFormats.TypeOf(request.ResponseFormat!), Is.EqualTo("json_schema"));
            Assert.That(ResponseFormats.IsKnown(request.ResponseFormat!), Is.EqualTo(ResponseFormats.KnownTypes().Contains("json_schema")));
            Assert.That(request.ToolChoice!.TryGetMode(out var mode) ? mode : null, Is.EqualTo("required"));
            Assert.That(request.ToolChoice.IsNone || request.ToolChoice.IsAuto, Is.False);
        });
    }

    [Test]
    public void Newer_chat_request_members_the_seed_does_not_name_are_additional_properties()
    {
        SeedOnly.Require();
        var request = WireJson.Read<CreateChatCompletionRequest>(ChatRequest);
        var refusal = (ChatCompletionRequestAssistantMessage)request.Messages[3];
        Assert.Multiple(() =>
        {
            Assert.That(refusal.AdditionalProperties["refusal"], Is.EqualTo("I can't help with that."));
            Assert.That(ResponseFormats.IsKnown(request.ResponseFormat!), Is.False);
            Assert.That(((JObject)ResponseFormats.AdditionalProperties(request.ResponseFormat!)["json_schema"])["strict"]!.Value<bool>(), Is.True);
            Assert.That(request.Tools!.OfType<ChatCompletionTool>().Single().Function.AdditionalProperties.Keys, Is.EqualTo(new[] { "strict" }));
            Assert.That(request.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "parallel_tool_calls", "stream_options", "service_tier", "max_completion_tokens" }));
        });
    }

    [Test]
    public void Newer_chat_response_round_trips_with_refusal_and_an_unknown_finish_reason()
    {
        var response = WireJson.AssertRoundTrip<CreateChatCompletionResponse>(ChatResponse);
        Assert.Multiple(() =>
        {
            Assert.That(response.Choices[0].Message.Content, Is.Null);
            Assert.That(response.Choices[0].FinishReason, Is.EqualTo(CreateChatCompletionResponseChoiceFinishReason.Stop));
            Assert.That(response.Choices[1].FinishReason.Value, Is.EqualTo("a_reason_of_the_future"));
            Assert.That(response.Choices[1].FinishReason.IsKnown, Is.False);
        });
    }

    [Test]
    public void Newer_chat_response_members_the_seed_does_not_name_are_additional_properties()
    {
        SeedOnly.Require();
        var response = WireJson.Read<CreateChatCompletionResponse>(ChatResponse);
        Assert.Multiple(() =>
        {
            Assert.That(response.Choices[0].Message.AdditionalProperties["refusal"], Is.EqualTo("I'm sorry, I can't help with that."));
            Assert.That(response.Choices[0].Logprobs!.AdditionalProperties.ContainsKey("refusal"), Is.True);
            Assert.That(response.AdditionalProperties.Keys, Is.EqualTo(new[] { "service_tier" }));
            Assert.That(response.Usage!.AdditionalProperties.Keys, Is.EqualTo(new[] { "completion_tokens_details" }));
        });
    }

    [Test]
    public void Newer_stream_chunks_round_trip()
    {
        var usage = WireJson.AssertRoundTrip<CreateChatCompletionStreamResponse>(UsageChunk);
        var refusal = WireJson.AssertRoundTrip<CreateChatCompletionStreamResponse>(RefusalChunk);
        Assert.Multiple(() =>
        {
            Assert.That(usage.Choices, Is.Empty);
            Assert.That(refusal.Choices[0].FinishReason!.IsKnown, Is.False);
        });
    }

    [Test]
    public void Newer_stream_chunk_members_the_seed_does_not_name_are_additional_properties()
    {
        SeedOnly.Require();
        var usage = WireJson.Read<CreateChatCompletionStreamResponse>(UsageChunk);
        var refusal = WireJson.Read<CreateChatCompletionStreamResponse>(RefusalChunk);
        Assert.Multiple(() =>
        {
            Assert.That(usage.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "service_tier", "usage" }));
            Assert.That(refusal.Choices[0].Delta.AdditionalProperties["refusal"], Is.EqualTo("I"));
        });
    }

    [Test]
    public void Unknown_enum_values_of_a_newer_server_round_trip()
    {
        var chunk = WireJson.AssertRoundTrip<CreateChatCompletionStreamResponse>(
            "{\"id\":\"x\",\"object\":\"chat.completion.chunk.v2\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"developer\"},\"finish_reason\":null}]}");
        var completion = WireJson.AssertRoundTrip<CreateCompletionResponse>(
            "{\"id\":\"x\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"text\":\"\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"a_reason_of_the_future\"}]}");
        var image = WireJson.AssertRoundTrip<ChatCompletionRequestMessageContentPart>("{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\",\"detail\":\"ultra\"}}");
        Assert.Multiple(() =>
        {
            Assert.That(chunk.Object.IsKnown, Is.False);
            Assert.That(chunk.Choices[0].Delta.Role!.Value, Is.EqualTo("developer"));
            Assert.That(completion.Choices[0].FinishReason.Value, Is.EqualTo("a_reason_of_the_future"));
            Assert.That(((ChatCompletionRequestMessageContentPartImage)image).ImageUrl.Detail!.IsKnown, Is.False);
        });
    }

    [Test]
    public void A_2024_08_system_message_with_content_parts_is_refused_with_its_path_not_altered()
    {
        // 2024-08-23 itself allows parts there (the next test), so this is about the seed's string-only member.
        SeedOnly.Require();
        // Newer servers also take system/assistant/tool content as parts; this spec (and so this client) has a string
        // there. That must fail loudly rather than lose the parts.
        var e = Assert.Throws(Is.InstanceOf<JsonException>(), () => WireJson.Read<CreateChatCompletionRequest>(SystemParts));
        Assert.That(e!.Message, Does.Contain("messages[0].content"));
    }

    [Test]
    public void A_2024_08_system_message_with_content_parts_round_trips_where_the_spec_allows_parts()
    {
        if (typeof(ChatCompletionRequestSystemMessage).GetProperty("Content")!.PropertyType == typeof(string))
        {
            Assert.Ignore("this spec's system content is a string only; the test above checks that parts are refused");
        }

        var request = WireJson.AssertRoundTrip<CreateChatCompletionRequest>(SystemParts);
        Assert.That(request.Messages.Single(), Is.InstanceOf<ChatCompletionRequestSystemMessage>());
    }

    [Test]
    public void The_facts_used_here_are_in_the_2024_08_23_spec()
    {
        var path = Repo.SharedSpec("openai-2024-08-23.yaml");
        if (path == null)
        {
            Assert.Ignore("../shared/spec/openai-2024-08-23.yaml is absent; the payloads above are still tested");
        }

        var spec = File.ReadAllText(path!);
        Assert.That(spec, Does.Contain("ChatCompletionRequestMessageContentPartRefusal:")
            .And.Contain("enum: ['json_schema']")
            .And.Contain("parallel_tool_calls:")
            .And.Contain("include_usage:")
            .And.Contain("service_tier:")
            .And.Contain("ResponseFormatJsonSchema:")
            .And.Contain("refusal:"));
    }
}
