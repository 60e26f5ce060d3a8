using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Unions;

public class ChatMessageTests
{
    [Test]
    public void Factories_write_exactly_the_message_the_api_expects()
    {
        var messages = new List<ChatCompletionRequestMessage>
        {
            ChatMessage.System("Be terse."),
            ChatMessage.System("Be terse.", name: "ops"),
            ChatMessage.User("Hi"),
            ChatMessage.User(ChatContentPart.Text("What is this?"), ChatContentPart.ImageUrl("data:image/png;base64,iVBORw0KGgo=", ChatCompletionRequestMessageContentPartImageImageUrlDetail.Low)),
            ChatMessage.User(new[] { ChatContentPart.Text("one part") }.AsEnumerable()),
            ChatMessage.Assistant("Hello!"),
            ChatMessage.Assistant(new[] { new ChatCompletionMessageToolCall { Id = "call_1", Function = new ChatCompletionMessageToolCallFunction { Name = "f", Arguments = "{}" } } }),
            ChatMessage.Tool("call_1", "{\"ok\":true}"),
        };

        WireJson.AssertWritten(messages,
            "[{\"role\":\"system\",\"content\":\"Be terse.\"}," +
            "{\"role\":\"system\",\"content\":\"Be terse.\",\"name\":\"ops\"}," +
            "{\"role\":\"user\",\"content\":\"Hi\"}," +
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\",\"detail\":\"low\"}}]}," +
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"one part\"}]}," +
            "{\"role\":\"assistant\",\"content\":\"Hello!\"}," +
            "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}," +
            "{\"role\":\"tool\",\"content\":\"{\\\"ok\\\":true}\",\"tool_call_id\":\"call_1\"}]");
    }

    [Test]
    public void The_models_answer_goes_back_as_an_assistant_message()
    {
        var response = WireJson.Read<CreateChatCompletionResponse>(
            "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"logprobs\":null,\"finish_reason\":\"tool_calls\"," +
            "\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":1}\"}}]}}]}");

        var message = ChatMessage.Assistant(response.Choices[0].Message);

        WireJson.AssertWritten(message,
            "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":1}\"}}]}");
        WireJson.AssertWritten(ChatMessage.Assistant(new ChatCompletionResponseMessage { Content = "Hi" }), "{\"role\":\"assistant\",\"content\":\"Hi\"}");
    }

    [Test]
    public void Messages_are_read_back_by_pattern_matching_on_the_variants()
    {
        var request = WireJson.Read<CreateChatCompletionRequest>(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"u\"}]}," +
            "{\"role\":\"assistant\",\"content\":\"a\"},{\"role\":\"tool\",\"content\":\"t\",\"tool_call_id\":\"1\"},{\"role\":\"developer\",\"content\":\"d\"}]}");

        var seen = request.Messages.Select(message => message switch
        {
            // Content as written (a string, or a union of text and parts in newer specs); a role the spec may or may
            // not type (developer) by its tag.
            ChatCompletionRequestSystemMessage system => "system:" + (string?)WireJson.Parse(WireJson.Write(system))["content"],
            ChatCompletionRequestUserMessage { Content.IsParts: true } user => "user parts:" + (user.Content.TryGetParts(out var parts) ? parts.Count : -1),
            ChatCompletionRequestUserMessage => "user text",
            ChatCompletionRequestAssistantMessage assistant => "assistant:" + (string?)WireJson.Parse(WireJson.Write(assistant))["content"],
            ChatCompletionRequestToolMessage tool => "tool:" + tool.ToolCallId,
            var other => "other:" + (string?)WireJson.Parse(WireJson.Write(other))["role"],
        });

        Assert.That(seen, Is.EqualTo(new[] { "system:s", "user parts:1", "assistant:a", "tool:1", "other:developer" }));
    }

    [Test]
    public void Readme_example_writes_the_documented_shapes()
    {
        // Same code as the README's "Unions and messages" section.
        var request = new CreateChatCompletionRequest
        {
            Model = "gpt-3.5-turbo",
            Messages =
            {
                ChatMessage.System("You are terse."),
                ChatMessage.User("Hello!"),
                ChatMessage.User(ChatContentPart.Text("What is this?"),
                                 ChatContentPart.ImageUrl("https://example.com/cat.png")),
                ChatMessage.Tool("call_1", "{\"temp\": 21}"),
            },
            Stop = new[] { "\n\n", "END" },
            ToolChoice = ChatCompletionToolChoiceOption.Function("get_weather"),
        };

        // The README's `Tools = new List<ChatCompletionTool> { ... }`, as the element type of tools in the spec in use
        // (newer specs make it a union of tool kinds).
        request.Tools = SpecLists.Like(request.Tools, new ChatCompletionTool { Function = new FunctionObject { Name = "get_weather" } });

        var json = WireJson.Parse(WireJson.Write(request));
        WireJson.AssertSame(WireJson.Parse("""
            {
              "messages": [
                { "role": "system", "content": "You are terse." },
                { "role": "user", "content": "Hello!" },
                { "role": "user", "content": [ { "type": "text", "text": "What is this?" }, { "type": "image_url", "image_url": { "url": "https://example.com/cat.png" } } ] },
                { "role": "tool", "content": "{\"temp\": 21}", "tool_call_id": "call_1" }
              ],
              "model": "gpt-3.5-turbo",
              "stop": [ "\n\n", "END" ],
              "tools": [ { "type": "function", "function": { "name": "get_weather" } } ],
              "tool_choice": { "type": "function", "function": { "name": "get_weather" } }
            }
            """), json, "README example");
    }
}
