using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>Factories, implicit conversions, IsX / TryGetX accessors and the wire shape of each untagged union.</summary>
public class UnionApiTests
{
    [Test]
    public void Stop_is_a_string_or_a_list_and_keeps_that_shape()
    {
        StopSequences one = "\n";
        StopSequences many = new[] { "\n" };
        Assert.Multiple(() =>
        {
            Assert.That(one.IsString && !one.IsList, Is.True);
            Assert.That(one.TryGetString(out var s) ? s : null, Is.EqualTo("\n"));
            Assert.That(one.TryGetList(out _), Is.False);
            Assert.That(one.ToString(), Is.EqualTo("\"\\n\""));
            Assert.That(many.IsList && !many.IsString, Is.True);
            Assert.That(many.TryGetString(out _), Is.False);
            Assert.That(many.ToString(), Is.EqualTo("[\"\\n\"]"), "a one-item list stays an array");
            Assert.That(one.Sequences, Is.EqualTo(many.Sequences));
            Assert.That(StopSequences.FromList("a", "b").Sequences, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(StopSequences.FromList(new List<string>()).ToString(), Is.EqualTo("[]"));
        });
    }

    [Test]
    public void Prompt_has_four_shapes_and_keeps_each()
    {
        var cases = new (CompletionPrompt Prompt, string Json)[]
        {
            ("Say this is a test", "\"Say this is a test\""),
            (new[] { "a", "b" }, "[\"a\",\"b\"]"),
            (new[] { 1212, 318 }, "[1212,318]"),
            (new[] { new[] { 1, 2 }, new[] { 3 } }, "[[1,2],[3]]"),
            (CompletionPrompt.FromStrings(), "[]"),
        };
        foreach (var (prompt, json) in cases)
        {
            Assert.That(prompt.ToString(), Is.EqualTo(json));
            var back = WireJson.Read<CompletionPrompt>(json);
            Assert.That((back.IsString, back.IsStrings, back.IsTokens, back.IsTokenArrays), Is.EqualTo((prompt.IsString, prompt.IsStrings, prompt.IsTokens, prompt.IsTokenArrays)), json);
            Assert.That(back.ToString(), Is.EqualTo(json));
        }

        CompletionPrompt tokens = new[] { 5, 6 };
        Assert.Multiple(() =>
        {
            Assert.That(tokens.TryGetTokens(out var t) ? t : null, Is.EqualTo(new[] { 5, 6 }));
            Assert.That(tokens.TryGetString(out _) || tokens.TryGetStrings(out _) || tokens.TryGetTokenArrays(out _), Is.False);
            Assert.That(CompletionPrompt.FromTokenArrays(new[] { new[] { 7 } }).TryGetTokenArrays(out var arrays) ? arrays[0] : null, Is.EqualTo(new[] { 7 }));
        });
    }

    [Test]
    public void User_content_is_text_or_parts_and_keeps_that_shape()
    {
        ChatCompletionRequestUserMessageContent text = "Hello";
        ChatCompletionRequestUserMessageContent fromArray = new ChatCompletionRequestMessageContentPart[] { ChatContentPart.Text("Hello") };
        ChatCompletionRequestUserMessageContent fromList = new List<ChatCompletionRequestMessageContentPart> { ChatContentPart.ImageUrl("https://example.com/a.png", ChatCompletionRequestMessageContentPartImageImageUrlDetail.High) };
        Assert.Multiple(() =>
        {
            Assert.That(text.IsText && !text.IsParts, Is.True);
            Assert.That(text.TryGetText(out var t) ? t : null, Is.EqualTo("Hello"));
            Assert.That(text.TryGetParts(out _), Is.False);
            Assert.That(text.ToString(), Is.EqualTo("\"Hello\""));
            Assert.That(fromArray.IsParts, Is.True);
            Assert.That(fromArray.TryGetText(out _), Is.False);
            Assert.That(fromArray.ToString(), Is.EqualTo("[{\"type\":\"text\",\"text\":\"Hello\"}]"));
            Assert.That(fromList.ToString(), Is.EqualTo("[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\",\"detail\":\"high\"}}]"));
        });
    }

    [Test]
    public void Tool_choice_is_a_mode_or_a_named_function()
    {
        ChatCompletionToolChoiceOption required = "required";
        ChatCompletionToolChoiceOption auto = "auto";
        var named = ChatCompletionToolChoiceOption.Function("get_weather");
        Assert.Multiple(() =>
        {
            Assert.That(ChatCompletionToolChoiceOption.None.ToString(), Is.EqualTo("\"none\""));
            Assert.That(ChatCompletionToolChoiceOption.None.IsNone && !ChatCompletionToolChoiceOption.None.IsAuto, Is.True);
            Assert.That(auto.IsAuto && auto.IsMode && !auto.IsNone, Is.True);
            Assert.That(required.IsMode && !required.IsNone && !required.IsAuto && !required.IsNamedTool, Is.True);
            Assert.That(required.TryGetMode(out var m) ? m : null, Is.EqualTo("required"));
            Assert.That(named.IsNamedTool && !named.IsMode, Is.True);
            Assert.That(named.TryGetMode(out _), Is.False);
            Assert.That(named.TryGetNamedTool(out var tool) ? tool.Function.Name : null, Is.EqualTo("get_weather"));
            Assert.That(named.ToString(), Is.EqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"));
            Assert.That(((ChatCompletionToolChoiceOption)new ChatCompletionNamedToolChoice { Function = new ChatCompletionNamedToolChoiceFunction { Name = "f" } }).ToString(),
                Is.EqualTo("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}"));
        });
    }

    [Test]
    public void Function_call_is_a_mode_or_a_named_function()
    {
        ChatCompletionFunctionCallChoice none = "none";
        var named = ChatCompletionFunctionCallChoice.Function("get_weather");
        ChatCompletionFunctionCallChoice option = new ChatCompletionFunctionCallOption { Name = "f" };
        Assert.Multiple(() =>
        {
            Assert.That(none.IsNone && none.IsMode && !none.IsAuto, Is.True);
            Assert.That(ChatCompletionFunctionCallChoice.Auto.IsAuto && ChatCompletionFunctionCallChoice.Auto.IsMode, Is.True);
            Assert.That(none.TryGetFunction(out _), Is.False);
            Assert.That(named.IsFunction && !named.IsMode && !named.IsNone, Is.True);
            Assert.That(named.TryGetFunction(out var f) ? f.Name : null, Is.EqualTo("get_weather"));
            Assert.That(named.ToString(), Is.EqualTo("{\"name\":\"get_weather\"}"));
            Assert.That(option.ToString(), Is.EqualTo("{\"name\":\"f\"}"));
            Assert.That(ChatCompletionFunctionCallChoice.FromMode("any").TryGetMode(out var mode) ? mode : null, Is.EqualTo("any"));
        });
    }

    [Test]
    public void Null_arguments_are_refused_at_once()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => StopSequences.FromString(null!));
            Assert.Throws<ArgumentNullException>(() => StopSequences.FromList("a", null!));
            Assert.Throws<ArgumentNullException>(() => CompletionPrompt.FromStrings("a", null!));
            Assert.Throws<ArgumentNullException>(() => CompletionPrompt.FromTokenArrays(new[] { new[] { 1 }, null! }));
            Assert.Throws<ArgumentNullException>(() => ChatCompletionRequestUserMessageContent.FromParts(ChatContentPart.Text("a"), null!));
            Assert.Throws<ArgumentNullException>(() => ChatCompletionToolChoiceOption.FromMode(null!));
            Assert.Throws<ArgumentNullException>(() => ChatCompletionFunctionCallChoice.Function(null!));
        });
    }

    [Test]
    public void Unions_are_immutable_snapshots_of_what_they_were_made_from()
    {
        var sequences = new[] { "a", "b" };
        var stop = StopSequences.FromList(sequences);
        sequences[0] = "changed";
        Assert.That(stop.Sequences, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(stop.Sequences, Is.Not.InstanceOf<string[]>(), "the list cannot be cast back and changed");
    }

    [Test]
    public void Union_members_set_to_null_are_written_as_null_and_unset_ones_not_at_all()
    {
        var request = new CreateChatCompletionRequest { Model = "m", Messages = { ChatMessage.User("hi") }, Stop = null, ToolChoice = null };
        WireJson.AssertWritten(request, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"m\",\"stop\":null,\"tool_choice\":null}");
        WireJson.AssertWritten(new CreateCompletionRequest { Model = "m", Prompt = null }, "{\"model\":\"m\",\"prompt\":null}");
    }
}
