using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;
using static OpenAI.Gen.Tests.ExtensionsAI.ChatHarness;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace OpenAI.Gen.Tests.ExtensionsAI;

public class ChatRequestMappingTests
{
    [Test]
    public async Task A_plain_prompt_sends_only_the_model_and_the_message()
    {
        var body = await SentBodyAsync(chat => chat.GetResponseAsync("Hello"));

        AssertJson(body, """{"messages": [{"role": "user", "content": "Hello"}], "model": "gpt-4o-mini"}""");
    }

    [Test]
    public async Task Roles_names_and_text_map_to_their_messages()
    {
        var messages = new List<AIChatMessage>
        {
            new(ChatRole.System, "Be terse.") { AuthorName = "rules" },
            new(ChatRole.User, "Hi") { AuthorName = "ann" },
            new(ChatRole.Assistant, "Hello, Ann.") { AuthorName = "bot" },
            new(ChatRole.User, new List<AIContent> { new Microsoft.Extensions.AI.TextContent("Two "), new Microsoft.Extensions.AI.TextContent("pieces") }),
            new(new ChatRole("developer"), "A role of a newer API."),
        };

        var body = await SentBodyAsync(chat => chat.GetResponseAsync(messages, new ChatOptions { Instructions = "Answer in French." }));

        AssertJson(body["messages"], """
            [
              {"role": "system", "content": "Answer in French."},
              {"role": "system", "content": "Be terse.", "name": "rules"},
              {"role": "user", "content": "Hi", "name": "ann"},
              {"role": "assistant", "content": "Hello, Ann.", "name": "bot"},
              {"role": "user", "content": "Two pieces"},
              {"role": "developer", "content": "A role of a newer API."}
            ]
            """);
    }

    [Test]
    public async Task Images_by_address_and_by_data_become_image_url_parts()
    {
        var image = new UriContent("https://example.com/cat.png", "image/png") { AdditionalProperties = new() { ["detail"] = "low" } };
        var bytes = new DataContent(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png");
        var message = new AIChatMessage(ChatRole.User, new List<AIContent> { new Microsoft.Extensions.AI.TextContent("What are these?"), image, bytes });

        var body = await SentBodyAsync(chat => chat.GetResponseAsync(message));

        AssertJson(body["messages"], """
            [{"role": "user", "content": [
              {"type": "text", "text": "What are these?"},
              {"type": "image_url", "image_url": {"url": "https://example.com/cat.png", "detail": "low"}},
              {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw=="}}
            ]}]
            """);
    }

    [Test]
    public async Task A_large_image_goes_out_whole_as_a_data_url()
    {
        // Past the 65,519-character limit System.Uri had on .NET Framework.
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);

        var body = await SentBodyAsync(chat => chat.GetResponseAsync(new AIChatMessage(ChatRole.User, new List<AIContent> { new DataContent(bytes, "image/jpeg") })));

        Assert.That((string?)body["messages"]![0]!["content"]![0]!["image_url"]!["url"], Is.EqualTo("data:image/jpeg;base64," + Convert.ToBase64String(bytes)));
    }

    [Test]
    public async Task Function_calls_and_results_become_tool_calls_and_tool_messages()
    {
        var messages = new List<AIChatMessage>
        {
            new(ChatRole.User, "Weather in Paris and Rome?"),
            new(ChatRole.Assistant, new List<AIContent>
            {
                new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris", ["days"] = 2 }),
                new FunctionCallContent("call_2", "get_weather", new Dictionary<string, object?> { ["city"] = "Rome" }),
            }),
            new(ChatRole.Tool, new List<AIContent>
            {
                new FunctionResultContent("call_1", new { temp = 21, sky = "clear" }),
                new FunctionResultContent("call_2", "sunny, 25 C"),
            }),
        };

        var body = await SentBodyAsync(chat => chat.GetResponseAsync(messages));

        AssertJson(body["messages"], """
            [
              {"role": "user", "content": "Weather in Paris and Rome?"},
              {"role": "assistant", "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\",\"days\":2}"}},
                {"id": "call_2", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Rome\"}"}}
              ]},
              {"role": "tool", "content": "{\"temp\":21,\"sky\":\"clear\"}", "tool_call_id": "call_1"},
              {"role": "tool", "content": "sunny, 25 C", "tool_call_id": "call_2"}
            ]
            """);
    }

    [Test]
    public async Task An_assistant_message_with_text_and_calls_sends_both()
    {
        var message = new AIChatMessage(ChatRole.Assistant, new List<AIContent>
        {
            new Microsoft.Extensions.AI.TextContent("Let me check."),
            new FunctionCallContent("call_9", "lookup"),
        });

        var body = await SentBodyAsync(chat => chat.GetResponseAsync(message));

        AssertJson(body["messages"], """
            [{"role": "assistant", "content": "Let me check.", "tool_calls": [
              {"id": "call_9", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}]}]
            """);
    }

    [Test]
    public async Task Wire_messages_and_parts_given_as_raw_representations_are_sent_as_they_are()
    {
        var raw = new ChatCompletionRequestMessageUnknown();
        raw.AdditionalProperties["role"] = "developer";
        raw.AdditionalProperties["content"] = "raw";
        var part = new AIContent { RawRepresentation = ChatContentPart.ImageUrl("https://example.com/a.png", ChatCompletionRequestMessageContentPartImageImageUrlDetail.High) };
        var messages = new List<AIChatMessage>
        {
            new(ChatRole.User, "ignored, the raw message wins") { RawRepresentation = raw },
            new(ChatRole.User, new List<AIContent> { part }),
        };

        var body = await SentBodyAsync(chat => chat.GetResponseAsync(messages));

        AssertJson(body["messages"], """
            [
              {"role": "developer", "content": "raw"},
              {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "high"}}]}
            ]
            """);
    }

    [Test]
    public void Content_a_message_cannot_carry_is_refused_with_where_it_is()
    {
        var audio = new AIChatMessage(ChatRole.User, new List<AIContent> { new Microsoft.Extensions.AI.TextContent("Listen:"), new DataContent(new byte[] { 1, 2 }, "audio/wav") });
        var systemImage = new AIChatMessage(ChatRole.System, new List<AIContent> { new UriContent("https://example.com/a.png", "image/png") });
        var toolText = new AIChatMessage(ChatRole.Tool, "just text");
        var reasoning = new AIChatMessage(ChatRole.Assistant, new List<AIContent> { new TextReasoningContent("hmm") });

        Assert.Multiple(() =>
        {
            Assert.That(Refused(new AIChatMessage(ChatRole.User, "first"), audio), Does.Contain("messages[1].Contents[1]").And.Contain("audio/wav").And.Contain("user message"));
            Assert.That(Refused(systemImage), Does.Contain("messages[0].Contents[0]").And.Contain("image/png").And.Contain("system message takes text only"));
            Assert.That(Refused(toolText), Does.Contain("messages[0].Contents[0]").And.Contain("TextContent").And.Contain("function results only"));
            Assert.That(Refused(reasoning), Does.Contain("TextReasoningContent"));
            Assert.That(Refused(new AIChatMessage(ChatRole.Tool, new List<AIContent>())), Does.Contain("needs at least one FunctionResultContent"));
        });
    }

    [Test]
    public void Options_without_a_counterpart_are_refused_before_anything_is_sent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RefusedOption(new ChatOptions { TopK = 5 }), Does.Contain("ChatOptions.TopK"));
            Assert.That(RefusedOption(new ChatOptions { ConversationId = "conv_1" }), Does.Contain("ChatOptions.ConversationId"));
            Assert.That(RefusedOption(new ChatOptions { Tools = [new HostedWebSearchTool()] }), Does.Contain("ChatOptions.Tools[0]").And.Contain("HostedWebSearchTool"));
        });
    }

    [Test]
    public void A_call_without_any_model_is_refused()
    {
        using var http = new System.Net.Http.HttpClient();
        using var chat = new Gen.Extensions.AI.OpenAIGenChatClient(new OpenAIClient(http, "sk-test", BaseUrl));

        var error = Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync("Hello"));

        Assert.That(error!.Message, Does.Contain("ChatOptions.ModelId"));
    }

    private static string Refused(params AIChatMessage[] messages) => RefusedCall(messages, null);

    private static string RefusedOption(ChatOptions options) => RefusedCall(new[] { new AIChatMessage(ChatRole.User, "Hello") }, options);

    private static string RefusedCall(AIChatMessage[] messages, ChatOptions? options)
    {
        // No server: a refused request must fail before it is sent.
        using var http = new System.Net.Http.HttpClient(new NoNetworkHandler());
        using var chat = new Gen.Extensions.AI.OpenAIGenChatClient(new OpenAIClient(http, "sk-test", BaseUrl), ChatHarness.Model);
        var error = Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync(messages, options));
        var streamed = Assert.Throws<NotSupportedException>(() => chat.GetStreamingResponseAsync(messages, options));
        Assert.That(streamed!.Message, Is.EqualTo(error!.Message));
        return error.Message;
    }
}
