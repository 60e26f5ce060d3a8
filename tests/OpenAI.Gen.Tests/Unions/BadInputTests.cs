using Newtonsoft.Json;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>Wrong shapes fail with a JsonSerializationException that names the JSON path and what was expected.</summary>
public class BadInputTests
{
    private const string Chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"},MESSAGE]REST}";

    private static string ChatWith(string message, string rest = "") => Chat.Replace("MESSAGE", message).Replace("REST", rest);

    private static string ChatWithMember(string member) => ChatWith("{\"role\":\"user\",\"content\":\"hi\"}", "," + member);

    private static string CompletionWith(string prompt, string rest = "") => "{\"model\":\"m\",\"prompt\":" + prompt + rest + "}";

    [TestCase("{\"role\":\"user\",\"content\":42}", "'messages[1].content'", "a string or an array of ChatCompletionRequestMessageContentPart objects for 'content'", "the number 42")]
    [TestCase("{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"hi\"}}", "'messages[1].content'", "a string or an array of ChatCompletionRequestMessageContentPart objects for 'content'", "an object")]
    [TestCase("{\"role\":\"user\",\"content\":true}", "'messages[1].content'", "a string or an array of ChatCompletionRequestMessageContentPart objects for 'content'", "true")]
    [TestCase("{\"role\":\"user\",\"content\":[\"just text\"]}", "'messages[1].content[0]'", "a ChatCompletionRequestMessageContentPart object", "a string")]
    [TestCase("{\"role\":\"user\",\"content\":[null]}", "'messages[1].content[0]'", "a ChatCompletionRequestMessageContentPart object", "null")]
    [TestCase("{\"content\":\"no role\"}", "'messages[1].role'", "Expected a string 'role'", "system, user, assistant, tool, function")]
    [TestCase("{\"role\":[\"user\"],\"content\":\"x\"}", "'messages[1].role'", "Expected a string 'role'", "system, user")]
    [TestCase("\"hello\"", "'messages[1]'", "Expected a JSON object for ChatCompletionRequestMessage", "String")]
    public void Wrong_message_shape_names_the_path(string message, string path, string expected, string got)
    {
        AssertFails<CreateChatCompletionRequest>(ChatWith(message), path, expected, got);
    }

    // The parts a spec knows differ (2024-08-23 adds refusal), so the list is read from the generated union.
    [TestCase("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"text\":\"no type\"}]}", "'messages[1].content[1].type'")]
    [TestCase("{\"role\":\"user\",\"content\":[{\"type\":7,\"text\":\"a\"}]}", "'messages[1].content[0].type'")]
    public void Untyped_content_part_names_the_path_and_the_known_part_types(string message, string path)
    {
        Assert.That(UnionTags.Of<ChatCompletionRequestMessageContentPart>(), Does.StartWith("text, ").And.Contain("image_url"));
        AssertFails<CreateChatCompletionRequest>(ChatWith(message), path, "Expected a string 'type'", UnionTags.Of<ChatCompletionRequestMessageContentPart>());
    }

    // tool_choice's object shapes vary by spec (named, allowed tools, custom): the named-function one is in every spec.
    [TestCase("\"tool_choice\":[]", "'tool_choice'", "a ChatCompletionNamedToolChoice object", "an array")]
    [TestCase("\"tool_choice\":1", "'tool_choice'", "a ChatCompletionNamedToolChoice object", "the number 1")]
    [TestCase("\"function_call\":[\"auto\"]", "'function_call'", "a string or a ChatCompletionFunctionCallOption object for 'function_call'", "an array")]
    [TestCase("\"stop\":5", "'stop'", "a string or an array of strings", "the number 5")]
    [TestCase("\"stop\":{\"a\":1}", "'stop'", "a string or an array of strings", "an object")]
    [TestCase("\"stop\":[\"a\",1]", "'stop[1]'", "a string", "the number 1")]
    [TestCase("\"stop\":[null]", "'stop[0]'", "a string", "null")]
    public void Wrong_request_member_shape_names_the_path(string member, string path, string expected, string got)
    {
        AssertFails<CreateChatCompletionRequest>(ChatWithMember(member), path, expected, got);
    }

    [TestCase("{}", "'prompt'", "a string, an array of strings, an array of integers or an array of arrays of integers for 'prompt'", "an object")]
    [TestCase("3", "'prompt'", "a string, an array of strings", "the number 3")]
    [TestCase("[\"a\",1]", "'prompt[1]'", "a string", "the number 1")]
    [TestCase("[1,\"a\"]", "'prompt[1]'", "an integer", "a string")]
    [TestCase("[1,2.5]", "'prompt[1]'", "an integer", "the number 2.5")]
    [TestCase("[1,3000000000]", "'prompt[1]'", "an integer", "the number 3000000000")]
    [TestCase("[[1,2],[3,\"x\"]]", "'prompt[1][1]'", "an integer", "a string")]
    [TestCase("[[1],2]", "'prompt[1]'", "an array of integers", "the number 2")]
    [TestCase("[{}]", "'prompt[0]'", "one of (a string, an integer, an array of integers) as an item of 'prompt'", "an object")]
    [TestCase("[true]", "'prompt[0]'", "as an item of 'prompt'", "true")]
    public void Wrong_prompt_shape_names_the_path(string prompt, string path, string expected, string got)
    {
        AssertFails<CreateCompletionRequest>(CompletionWith(prompt), path, expected, got);
    }

    [Test]
    public void Named_tool_choice_without_function_names_the_path()
    {
        var e = Assert.Throws<JsonSerializationException>(() => WireJson.Read<CreateChatCompletionRequest>(ChatWithMember("\"tool_choice\":{\"type\":\"function\"}")));
        Assert.That(e!.Message, Does.Contain("'function'").And.Contain("tool_choice"));
    }

    [Test]
    public void Null_user_content_is_refused_but_empty_text_is_kept()
    {
        var e = Assert.Throws<JsonSerializationException>(() => WireJson.Read<CreateChatCompletionRequest>(ChatWith("{\"role\":\"user\",\"content\":null}")));
        Assert.That(e!.Message, Does.Contain("'content'").And.Contain("messages[1]"));

        var request = WireJson.AssertRoundTrip<CreateChatCompletionRequest>(ChatWith("{\"role\":\"user\",\"content\":\"\"}"));
        Assert.That(((ChatCompletionRequestUserMessage)request.Messages[1]).Content.TryGetText(out var text) ? text : null, Is.Empty);
    }

    [Test]
    public void Error_in_a_known_message_member_names_the_full_path()
    {
        var e = Assert.Throws<JsonSerializationException>(() => WireJson.Read<CreateChatCompletionRequest>(ChatWith("{\"role\":\"tool\",\"content\":\"x\"}")));
        Assert.That(e!.Message, Does.Contain("tool_call_id").And.Contain("messages[1]"));
    }

    [Test]
    public void Logit_bias_value_that_is_not_an_integer_names_the_path()
    {
        var e = Assert.Throws(Is.InstanceOf<JsonException>(), () => WireJson.Read<CreateChatCompletionRequest>(ChatWithMember("\"logit_bias\":{\"50256\":\"strong\"}")));
        Assert.That(e!.Message, Does.Contain("logit_bias.50256"));
    }

    [Test]
    public void Truncated_array_fails_with_a_json_error()
    {
        Assert.Throws(Is.InstanceOf<JsonException>(), () => WireJson.Read<CreateCompletionRequest>("{\"model\":\"m\",\"prompt\":[\"a\""));
        Assert.Throws(Is.InstanceOf<JsonException>(), () => WireJson.Read<CreateChatCompletionRequest>("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\""));
    }

    [Test]
    public void A_date_parsing_reader_is_refused_with_advice_rather_than_reformatting_the_string()
    {
        var json = CompletionWith("\"2024-08-06T12:00:00Z\"");
        var e = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<CreateCompletionRequest>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.DateTime }));
        Assert.That(e!.Message, Does.Contain("'prompt'").And.Contain("DateParseHandling.None"));

        // The client's settings keep it a string, byte for byte.
        Assert.That(WireJson.Write(WireJson.Read<CreateCompletionRequest>(json)), Is.EqualTo(json));
    }

    private static void AssertFails<T>(string json, string path, string expected, string got)
    {
        var e = Assert.Throws<JsonSerializationException>(() => WireJson.Read<T>(json), json);
        TestContext.Out.WriteLine(e!.Message);
        Assert.That(e.Message, Does.Contain(path).And.Contain(expected).And.Contain(got), json);
    }
}
