using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;
using OpenAI.Gen.Extensions.AI;
using OpenAI.Gen.Testing;
using static OpenAI.Gen.Tests.ExtensionsAI.ChatHarness;

namespace OpenAI.Gen.Tests.ExtensionsAI;

public class ChatResponseMappingTests
{
    [Test]
    public async Task A_text_answer_maps_text_ids_model_time_finish_reason_usage_and_raw_response()
    {
        var response = await ResponseAsync(TextAnswer);

        Assert.Multiple(() =>
        {
            Assert.That(response.Text, Is.EqualTo("Hi there!"));
            Assert.That(response.Messages, Has.Count.EqualTo(1));
            Assert.That(response.Messages[0].Role, Is.EqualTo(ChatRole.Assistant));
            Assert.That(response.Messages[0].MessageId, Is.EqualTo("chatcmpl-1"));
            Assert.That(response.Messages[0].RawRepresentation, Is.InstanceOf<ChatCompletionResponseMessage>());
            Assert.That(response.ResponseId, Is.EqualTo("chatcmpl-1"));
            Assert.That(response.ModelId, Is.EqualTo("gpt-4o-mini-2024-07-18"));
            Assert.That(response.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
            Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
            Assert.That(response.Usage!.InputTokenCount, Is.EqualTo(9));
            Assert.That(response.Usage.OutputTokenCount, Is.EqualTo(12));
            Assert.That(response.Usage.TotalTokenCount, Is.EqualTo(21));
            Assert.That(response.AdditionalProperties!["system_fingerprint"], Is.EqualTo("fp_44709d6fcb"));
            Assert.That(((CreateChatCompletionResponse)response.RawRepresentation!).Id, Is.EqualTo("chatcmpl-1"));
        });
    }

    [Test]
    public async Task Tool_calls_map_to_function_calls_with_parsed_arguments()
    {
        var response = await ResponseAsync("""
            {"id": "chatcmpl-2", "object": "chat.completion", "created": 1700000001, "model": "gpt-4o",
             "choices": [{"index": 0, "logprobs": null, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null, "tool_calls": [
               {"id": "call_a", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Paris\", \"days\": 3}"}},
               {"id": "call_b", "type": "function", "function": {"name": "get_time", "arguments": ""}},
               {"id": "call_c", "type": "function", "function": {"name": "broken", "arguments": "{\"city\": "}}
             ]}}]}
            """);

        var calls = response.Messages.Single().Contents.OfType<FunctionCallContent>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.ToolCalls));
            Assert.That(response.Messages.Single().Contents, Has.Count.EqualTo(3), "no text content for a null content");
            Assert.That(calls.Select(c => (c.CallId, c.Name)), Is.EqualTo(new[] { ("call_a", "get_weather"), ("call_b", "get_time"), ("call_c", "broken") }));
            Assert.That(((JsonElement)calls[0].Arguments!["city"]!).GetString(), Is.EqualTo("Paris"));
            Assert.That(((JsonElement)calls[0].Arguments!["days"]!).GetInt32(), Is.EqualTo(3));
            Assert.That(calls[0].RawRepresentation, Is.InstanceOf<ChatCompletionMessageToolCall>());
            Assert.That(calls[1].Arguments, Is.Empty, "empty arguments text is no arguments");
            Assert.That(calls[1].Exception, Is.Null);
            Assert.That(calls[2].Exception, Is.Not.Null, "arguments that do not parse are reported, for the function-invoking loop to tell the model");
        });
    }

    [Test]
    public async Task Arguments_that_did_not_parse_go_back_to_the_model_exactly_as_it_wrote_them()
    {
        var response = await ResponseAsync("""
            {"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "logprobs": null, "finish_reason": "tool_calls",
             "message": {"role": "assistant", "content": null, "tool_calls": [{"id": "call_c", "type": "function", "function": {"name": "broken", "arguments": "{\"city\": "}}]}}]}
            """);

        var body = await SentBodyAsync(chat => chat.GetResponseAsync(response.Messages));

        Assert.That((string?)body["messages"]![0]!["tool_calls"]![0]!["function"]!["arguments"], Is.EqualTo("{\"city\": "));
    }

    [Test]
    public async Task Values_of_newer_apis_are_kept_finish_reason_usage_details_refusal()
    {
        var response = await ResponseAsync("""
            {"id": "c", "object": "chat.completion", "created": 1, "model": "m",
             "choices": [{"index": 0, "logprobs": null, "finish_reason": "guardrail", "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}}],
             "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150,
                       "prompt_tokens_details": {"cached_tokens": 64, "audio_tokens": 0},
                       "completion_tokens_details": {"reasoning_tokens": 32, "accepted_prediction_tokens": 1}}}
            """);

        var error = response.Messages.Single().Contents.OfType<ErrorContent>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.FinishReason, Is.EqualTo(new ChatFinishReason("guardrail")));
            Assert.That(error.Message, Is.EqualTo("I can't help with that."));
            Assert.That(error.ErrorCode, Is.EqualTo("refusal"));
            Assert.That(response.Usage!.CachedInputTokenCount, Is.EqualTo(64));
            Assert.That(response.Usage.ReasoningTokenCount, Is.EqualTo(32));
            Assert.That(response.Usage.AdditionalCounts, Is.EquivalentTo(new[]
            {
                new System.Collections.Generic.KeyValuePair<string, long>("prompt_tokens_details.audio_tokens", 0),
                new System.Collections.Generic.KeyValuePair<string, long>("completion_tokens_details.accepted_prediction_tokens", 1),
            }));
        });
    }

    [Test]
    public async Task With_several_choices_the_first_becomes_the_message_and_all_stay_raw()
    {
        var response = await ResponseAsync("""
            {"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": [
              {"index": 1, "logprobs": null, "finish_reason": "length", "message": {"role": "assistant", "content": "second"}},
              {"index": 0, "logprobs": null, "finish_reason": "stop", "message": {"role": "assistant", "content": "first"}}]}
            """);

        Assert.That(response.Text, Is.EqualTo("first"));
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
        Assert.That(((CreateChatCompletionResponse)response.RawRepresentation!).Choices, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_api_error_is_the_clients_typed_exception()
    {
        var error = Assert.ThrowsAsync<OpenAIException>(() => SentBodyAsync(
            chat => chat.GetResponseAsync("Hello"),
            """{"error": {"message": "Unknown model", "type": "invalid_request_error", "param": "model", "code": "model_not_found"}}""",
            HttpStatusCode.BadRequest));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(400));
            Assert.That(error.ErrorType, Is.EqualTo("invalid_request_error"));
            Assert.That(error.ErrorCode, Is.EqualTo("model_not_found"));
            Assert.That(error.RequestId, Is.EqualTo("req_mock"));
        });
    }

    [Test]
    public async Task The_fake_server_answers_through_the_chat_client()
    {
        using var http = new HttpClient(new SpecExampleHandler());
        using var chat = new OpenAIClient(http, "sk-fake", BaseUrl).AsIChatClient("gpt-3.5-turbo");

        var response = await chat.GetResponseAsync("Hello!");

        Assert.That(response.Text, Is.Not.Empty);
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
        Assert.That(response.Usage!.TotalTokenCount, Is.GreaterThan(0));
    }

    [Test]
    public void GetService_gives_the_metadata_the_client_and_itself()
    {
        using var http = new HttpClient();
        var client = new OpenAIClient(http, "sk-test", new Uri("http://127.0.0.1:8080/v1"));
        using var chat = client.AsIChatClient("gpt-4o");

        var metadata = chat.GetService<ChatClientMetadata>()!;
        Assert.Multiple(() =>
        {
            Assert.That(metadata.ProviderName, Is.EqualTo("openai"));
            Assert.That(metadata.ProviderUri, Is.EqualTo(new Uri("http://127.0.0.1:8080/v1/")));
            Assert.That(metadata.DefaultModelId, Is.EqualTo("gpt-4o"));
            Assert.That(chat.GetService<IOpenAIClient>(), Is.SameAs(client));
            Assert.That(chat.GetService<OpenAIClient>(), Is.SameAs(client));
            Assert.That(chat.GetService<OpenAIGenChatClient>(), Is.SameAs(chat));
            Assert.That(chat.GetService<IOpenAIClient>("a key"), Is.Null);
            Assert.That(chat.GetService<HttpClient>(), Is.Null);
        });
    }
}
