using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

// The legacy function_call and function messages are union shapes too; the spec marks them deprecated.
#pragma warning disable CS0612

namespace OpenAI.Gen.Tests.Unions;

/// <summary>
/// Randomized round trips with a fixed seed: JSON of every union shape reads into the right typed view and writes back
/// semantically unchanged; typed values built with the factories keep their wire shape.
/// </summary>
public class RandomizedRoundTripTests
{
    private const int Seed = 20240223;
    private const int ChatRequests = 1000;
    private const int CompletionRequests = 500;
    private const int BuiltInCode = 500;

    [Test]
    public void Random_chat_requests_round_trip_with_the_right_typed_view()
    {
        var payloads = new RandomPayloads(Seed);
        var messages = 0;
        for (var i = 0; i < ChatRequests; i++)
        {
            var json = payloads.ChatRequest();
            var typed = WireJson.AssertRoundTrip<CreateChatCompletionRequest>(json.ToString());
            CheckChat(json, typed, $"chat request #{i}");
            messages += typed.Messages.Count;
        }

        Assert.That(messages, Is.GreaterThanOrEqualTo(ChatRequests * 2), "messages exercised");
        AssertCovered(payloads.Shapes, new[]
        {
            "message:system", "message:user", "message:assistant", "message:tool", "message:function", "message:unknown-role",
            "content:string", "content:parts", "part:text", "part:image_url", "part:unknown-type", "part:unknown-member",
            "detail:absent", "detail:auto", "detail:low", "detail:high", "detail:ultra",
            "stop:string", "stop:array", "stop:null", "tool_choice:none", "tool_choice:auto", "tool_choice:required",
            "tool_choice:Object", "tool_choice:Null", "function_call:none", "function_call:auto", "function_call:Object",
            "function_call:Null", "response_format:(no type)", "response_format:text", "response_format:json_object",
            "response_format:json_schema", "response_format:null", "logit_bias:map", "logit_bias:null", "unknown-member",
        }.Where(shape => shape != "response_format:(no type)" || !ResponseFormats.IsTaggedUnion).ToArray());
    }

    [Test]
    public void Random_completion_requests_round_trip_with_the_right_typed_view()
    {
        var payloads = new RandomPayloads(Seed + 1);
        for (var i = 0; i < CompletionRequests; i++)
        {
            var json = payloads.CompletionRequest();
            var typed = WireJson.AssertRoundTrip<CreateCompletionRequest>(json.ToString());
            CheckPrompt(json["prompt"]!, typed.Prompt, $"completion request #{i}");
            CheckStop(json, typed.Stop, Specified.IsSet(typed, "Stop"), $"completion request #{i}");
        }

        AssertCovered(payloads.Shapes, new[]
        {
            "prompt:string", "prompt:strings", "prompt:tokens", "prompt:token-arrays", "prompt:null", "prompt:empty-array",
            "stop:string", "stop:array", "stop:null", "logit_bias:map", "logit_bias:null",
        });
    }

    [Test]
    public void Random_unions_built_in_code_keep_their_shape_through_the_wire()
    {
        var random = new Random(Seed);
        string Text() => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)random.Next(0x20, 0x3000)).ToArray());
        var shapes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < BuiltInCode; i++)
        {
            var request = new CreateCompletionRequest { Model = "davinci-002" };
            var (prompt, promptShape) = random.Next(4) switch
            {
                0 => ((CompletionPrompt)Text(), JTokenType.String),
                1 => (Enumerable.Range(0, random.Next(4)).Select(_ => Text()).ToArray(), JTokenType.Array),
                2 => (CompletionPrompt.FromTokens(Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next())), JTokenType.Array),
                _ => (CompletionPrompt.FromTokenArrays(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next()))), JTokenType.Array),
            };
            request.Prompt = prompt;
            var oneStop = random.Next(2) == 0;
            request.Stop = oneStop ? Text() : StopSequences.FromList(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Text()));

            var chat = new CreateChatCompletionRequest { Model = "gpt-4", Messages = { RandomUserMessage(random, Text) } };
            chat.ToolChoice = random.Next(4) switch
            {
                0 => ChatCompletionToolChoiceOption.None,
                1 => ChatCompletionToolChoiceOption.Auto,
                2 => "required",
                _ => ChatCompletionToolChoiceOption.Function("f" + random.Next(10)),
            };

            var completionJson = WireJson.Parse(WireJson.Write(request));
            var chatJson = WireJson.Parse(WireJson.Write(chat));
            Assert.Multiple(() =>
            {
                Assert.That(completionJson["prompt"]!.Type, Is.EqualTo(promptShape), $"#{i} prompt {prompt}");
                Assert.That(completionJson["stop"]!.Type, Is.EqualTo(oneStop ? JTokenType.String : JTokenType.Array), $"#{i} stop");
                Assert.That(chatJson["tool_choice"]!.Type, Is.EqualTo(chat.ToolChoice.IsMode ? JTokenType.String : JTokenType.Object), $"#{i} tool_choice");
                Assert.That(chatJson["messages"]![0]!["content"]!.Type, Is.EqualTo(((ChatCompletionRequestUserMessage)chat.Messages[0]).Content.IsText ? JTokenType.String : JTokenType.Array), $"#{i} content");
            });

            var completionBack = WireJson.AssertRoundTrip<CreateCompletionRequest>(completionJson.ToString());
            var chatBack = WireJson.AssertRoundTrip<CreateChatCompletionRequest>(chatJson.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(Shape(completionBack.Prompt!), Is.EqualTo(Shape(prompt)), $"#{i} prompt shape");
                Assert.That(completionBack.Stop!.Sequences, Is.EqualTo(request.Stop.Sequences), $"#{i} stop");
                Assert.That(completionBack.Stop!.IsString, Is.EqualTo(oneStop), $"#{i} stop shape");
                Assert.That(chatBack.ToolChoice!.ToString(), Is.EqualTo(chat.ToolChoice.ToString()), $"#{i} tool_choice");
            });
            shapes[Shape(prompt)] = shapes.TryGetValue(Shape(prompt), out var n) ? n + 1 : 1;
        }

        Assert.That(shapes.Keys, Is.EquivalentTo(new[] { "string", "strings", "tokens", "token-arrays" }));
    }

    private static ChatCompletionRequestUserMessage RandomUserMessage(Random random, Func<string> text) => random.Next(3) switch
    {
        0 => ChatMessage.User(text()),
        1 => ChatMessage.User(ChatContentPart.Text(text())),
        _ => ChatMessage.User(new List<ChatCompletionRequestMessageContentPart>
        {
            ChatContentPart.Text(text()),
            ChatContentPart.ImageUrl("https://example.com/" + random.Next(100) + ".png", random.Next(2) == 0 ? null : ChatCompletionRequestMessageContentPartImageImageUrlDetail.Low),
        }),
    };

    private static string Shape(CompletionPrompt prompt) =>
        prompt.IsString ? "string" : prompt.IsStrings ? "strings" : prompt.IsTokens ? "tokens" : prompt.IsTokenArrays ? "token-arrays" : "none";

    private static void AssertCovered(SortedDictionary<string, int> shapes, IEnumerable<string> expected)
    {
        TestContext.Out.WriteLine(string.Join(", ", shapes.Select(s => $"{s.Key}={s.Value}")));
        foreach (var shape in expected)
        {
            Assert.That(shapes.TryGetValue(shape, out var count) ? count : 0, Is.GreaterThanOrEqualTo(10), $"shape '{shape}' was not exercised enough");
        }
    }

    private static void CheckChat(JObject json, CreateChatCompletionRequest typed, string context)
    {
        var messages = (JArray)json["messages"]!;
        Assert.That(typed.Messages, Has.Count.EqualTo(messages.Count), context);
        for (var i = 0; i < messages.Count; i++)
        {
            var m = (JObject)messages[i];
            var where = $"{context} messages[{i}]";
            switch ((string)m["role"]!, typed.Messages[i])
            {
                case ("system", ChatCompletionRequestSystemMessage system):
                    // Written as read, whether the spec types it a string or a union of text and parts.
                    Assert.That(JToken.DeepEquals(WireJson.Parse(WireJson.Write(system.Content)), m["content"]), Is.True, where);
                    break;
                case ("user", ChatCompletionRequestUserMessage user):
                    CheckUserContent(m["content"]!, user.Content, where);
                    break;
                case ("assistant", ChatCompletionRequestAssistantMessage assistant):
                    Assert.That(Specified.IsSet(assistant, "Content"), Is.EqualTo(m["content"] != null), where);
                    Assert.That(assistant.AdditionalProperties.ContainsKey("refusal"), Is.EqualTo(m["refusal"] != null), where);
                    break;
                case ("tool", ChatCompletionRequestToolMessage tool):
                    Assert.That(tool.ToolCallId, Is.EqualTo((string)m["tool_call_id"]!), where);
                    break;
                case ("function", ChatCompletionRequestFunctionMessage function):
                    Assert.That(function.Content, Is.EqualTo((string?)m["content"]), where);
                    break;
                case (var role, ChatCompletionRequestMessageUnknown unknown) when role is not ("system" or "user" or "assistant" or "tool" or "function"):
                    Assert.That(unknown.Role, Is.EqualTo(role), where);
                    break;
                case var (role, message):
                    Assert.Fail($"{where}: role '{role}' read as {message.GetType().Name}");
                    break;
            }
        }

        CheckStop(json, typed.Stop, Specified.IsSet(typed, "Stop"), context);
        Assert.That(Specified.IsSet(typed, "ToolChoice"), Is.EqualTo(json["tool_choice"] != null), context);
        switch (json["tool_choice"])
        {
            case JValue { Type: JTokenType.String } mode:
                Assert.That(typed.ToolChoice!.TryGetMode(out var m) && m == (string)mode!, Is.True, context);
                Assert.That(typed.ToolChoice.IsNone || typed.ToolChoice.IsAuto, Is.EqualTo((string)mode! is "none" or "auto"), context);
                break;
            case JObject named:
                Assert.That(typed.ToolChoice!.TryGetNamedTool(out var tool) ? tool.Function.Name : null, Is.EqualTo((string)named["function"]!["name"]!), context);
                break;
            case JValue { Type: JTokenType.Null }:
                Assert.That(typed.ToolChoice, Is.Null, context);
                break;
        }

        switch (json["function_call"])
        {
            case JValue { Type: JTokenType.String } mode:
                Assert.That(typed.FunctionCall!.TryGetMode(out var m) && m == (string)mode!, Is.True, context);
                break;
            case JObject named:
                Assert.That(typed.FunctionCall!.TryGetFunction(out var function) ? function.Name : null, Is.EqualTo((string)named["name"]!), context);
                break;
        }

        if (json["response_format"] is JObject format)
        {
            var type = (string?)format["type"];
            Assert.That(ResponseFormats.TypeOf(typed.ResponseFormat!), Is.EqualTo(type), context);
            Assert.That(ResponseFormats.IsKnown(typed.ResponseFormat!), Is.EqualTo(type == null ? null : ResponseFormats.KnownTypes().Contains(type)), context);
            // A member of a type the client does not know is kept as an additional property; a known one is typed.
            Assert.That(ResponseFormats.AdditionalProperties(typed.ResponseFormat!).ContainsKey("json_schema"), Is.EqualTo(format["json_schema"] != null && !ResponseFormats.KnownTypes().Contains("json_schema")), context);
        }

        if (json["logit_bias"] is JObject bias)
        {
            Assert.That(typed.LogitBias, Is.EquivalentTo(bias.Properties().ToDictionary(p => p.Name, p => (int)p.Value)), context);
        }
    }

    private static void CheckUserContent(JToken json, ChatCompletionRequestUserMessageContent content, string where)
    {
        if (json.Type == JTokenType.String)
        {
            Assert.That(content.TryGetText(out var text) ? text : null, Is.EqualTo((string)json!), where);
            Assert.That(content.IsParts, Is.False, where);
            return;
        }

        Assert.That(content.TryGetParts(out var parts), Is.True, where);
        var items = (JArray)json;
        Assert.That(parts, Has.Count.EqualTo(items.Count), where);
        for (var p = 0; p < items.Count; p++)
        {
            var type = (string)items[p]["type"]!;
            switch (type, parts![p])
            {
                case ("text", ChatCompletionRequestMessageContentPartText text):
                    Assert.That(text.Text, Is.EqualTo((string)items[p]["text"]!), where);
                    break;
                case ("image_url", ChatCompletionRequestMessageContentPartImage image):
                    Assert.That(image.ImageUrl.Url.OriginalString, Is.EqualTo((string)items[p]["image_url"]!["url"]!), where);
                    Assert.That(image.ImageUrl.Detail?.Value, Is.EqualTo((string?)items[p]["image_url"]!["detail"]), where);
                    break;
                case (_, ChatCompletionRequestMessageContentPartUnknown unknown) when type is not ("text" or "image_url"):
                    Assert.That(unknown.Type, Is.EqualTo(type), where);
                    break;
                case var (_, part):
                    Assert.Fail($"{where}: part type '{type}' read as {part.GetType().Name}");
                    break;
            }
        }
    }

    private static void CheckStop(JObject json, StopSequences? stop, bool set, string context)
    {
        Assert.That(set, Is.EqualTo(json["stop"] != null), context);
        switch (json["stop"])
        {
            case JValue { Type: JTokenType.String } one:
                Assert.That(stop!.TryGetString(out var s) ? s : null, Is.EqualTo((string)one!), context);
                break;
            case JArray many:
                Assert.That(stop!.TryGetList(out var list) ? list : null, Is.EqualTo(many.Select(t => (string)t!)), context);
                break;
            case JValue { Type: JTokenType.Null }:
                Assert.That(stop, Is.Null, context);
                break;
        }
    }

    private static void CheckPrompt(JToken json, CompletionPrompt? prompt, string context)
    {
        switch (json)
        {
            case JValue { Type: JTokenType.String } one:
                Assert.That(prompt!.TryGetString(out var s) ? s : null, Is.EqualTo((string)one!), context);
                break;
            case JArray { Count: 0 }:
                Assert.That(prompt!.TryGetStrings(out var empty) ? empty : null, Is.Empty, context);
                break;
            case JArray many when many[0].Type == JTokenType.String:
                Assert.That(prompt!.TryGetStrings(out var strings) ? strings : null, Is.EqualTo(many.Select(t => (string)t!)), context);
                break;
            case JArray many when many[0].Type == JTokenType.Integer:
                Assert.That(prompt!.TryGetTokens(out var tokens) ? tokens : null, Is.EqualTo(many.Select(t => (int)t)), context);
                break;
            case JArray many:
                Assert.That(prompt!.TryGetTokenArrays(out var arrays) ? arrays : null, Is.EqualTo(many.Select(a => a.Select(t => (int)t))), context);
                break;
            default:
                Assert.That(prompt, Is.Null, context);
                break;
        }
    }
}
