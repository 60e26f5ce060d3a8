using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static OpenAI.Gen.Tests.ExtensionsAI.ChatHarness;

namespace OpenAI.Gen.Tests.ExtensionsAI;

public class ChatOptionsMappingTests
{
    // max_completion_tokens where the spec the client was generated from has it (it deprecates max_tokens there).
    private static readonly string MaxOutputTokensMember =
        System.IO.File.ReadAllText(OpenAI.Gen.Tests.Support.Repo.Spec).Contains("max_completion_tokens:", StringComparison.Ordinal) ? "max_completion_tokens" : "max_tokens";

    private static Task<JObject> SentWith(ChatOptions options) => SentBodyAsync(chat => chat.GetResponseAsync("Hello", options));

    [Test]
    public async Task Sampling_options_map_to_their_members_with_the_values_as_written()
    {
        var body = await SentWith(new ChatOptions
        {
            ModelId = "gpt-4o",
            Temperature = 0.7f,
            TopP = 0.9f,
            FrequencyPenalty = 0.1f,
            PresencePenalty = -0.3f,
            MaxOutputTokens = 256,
            Seed = 42,
            StopSequences = new[] { "\n\n", "END" },
        });

        body.Remove("messages");
        // 0.7f widened naively would be written 0.699999988079071.
        AssertJson(body, """
            {"model": "gpt-4o", "frequency_penalty": 0.1, "MAX": 256, "presence_penalty": -0.3, "seed": 42,
             "stop": ["\n\n", "END"], "temperature": 0.7, "top_p": 0.9}
            """.Replace("MAX", MaxOutputTokensMember, StringComparison.Ordinal));
    }

    [Test]
    public async Task Response_formats_map_to_text_json_object_and_json_schema()
    {
        var schema = JsonDocument.Parse("""{"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}""").RootElement;

        var text = await SentWith(new ChatOptions { ResponseFormat = ChatResponseFormat.Text });
        var json = await SentWith(new ChatOptions { ResponseFormat = ChatResponseFormat.Json });
        var structured = await SentWith(new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "person", "A person.") });

        AssertJson(text["response_format"], """{"type": "text"}""");
        AssertJson(json["response_format"], """{"type": "json_object"}""");
        AssertJson(structured["response_format"], """
            {"type": "json_schema", "json_schema": {"name": "person", "schema": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}, "description": "A person."}}
            """);
    }

    [Test]
    public async Task Functions_become_tools_with_their_json_schema()
    {
        var weather = AIFunctionFactory.Create(([System.ComponentModel.Description("The city")] string city, int days) => $"{city}: sunny for {days} days", "get_weather", "Gets the weather.");

        var body = await SentWith(new ChatOptions { Tools = [weather] });

        var tool = body["tools"]!.Single();
        Assert.That((string?)tool["type"], Is.EqualTo("function"));
        Assert.That((string?)tool["function"]!["name"], Is.EqualTo("get_weather"));
        Assert.That((string?)tool["function"]!["description"], Is.EqualTo("Gets the weather."));
        AssertJson(tool["function"]!["parameters"], weather.JsonSchema.GetRawText());
        Assert.That((string?)tool["function"]!["parameters"]!["properties"]!["city"]!["description"], Is.EqualTo("The city"));
        Assert.That(body.ContainsKey("tool_choice"), Is.False, "no mode set: the server's default");
    }

    [Test]
    public async Task Tool_modes_map_to_tool_choice()
    {
        var tool = AIFunctionFactory.Create(() => "ok", "ping");

        async Task<JToken?> Choice(ChatToolMode mode) => (await SentWith(new ChatOptions { Tools = [tool], ToolMode = mode }))["tool_choice"];

        AssertJson(await Choice(ChatToolMode.None), "\"none\"");
        AssertJson(await Choice(ChatToolMode.Auto), "\"auto\"");
        AssertJson(await Choice(ChatToolMode.RequireAny), "\"required\"");
        AssertJson(await Choice(ChatToolMode.RequireSpecific("ping")), """{"type": "function", "function": {"name": "ping"}}""");
    }

    [Test]
    public async Task Without_tools_no_tool_choice_is_sent_whatever_the_mode()
    {
        // The API refuses tool_choice without tools; FunctionInvokingChatClient drops the tools to get a last text answer.
        foreach (var mode in new ChatToolMode[] { ChatToolMode.None, ChatToolMode.Auto, ChatToolMode.RequireAny, ChatToolMode.RequireSpecific("ping") })
        {
            var body = await SentWith(new ChatOptions { ToolMode = mode, AllowMultipleToolCalls = false });

            Assert.That(body.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "messages", "model" }), mode.ToString());
        }
    }

    [Test]
    public async Task Multiple_tool_calls_and_reasoning_effort_map_to_members_of_newer_apis()
    {
        var body = await SentWith(new ChatOptions
        {
            Tools = [AIFunctionFactory.Create(() => "ok", "ping")],
            AllowMultipleToolCalls = false,
            Reasoning = new ReasoningOptions { Effort = Microsoft.Extensions.AI.ReasoningEffort.Low },
        });

        Assert.That((bool?)body["parallel_tool_calls"], Is.False);
        Assert.That((string?)body["reasoning_effort"], Is.EqualTo("low"));
    }

    [Test]
    public async Task An_option_and_an_additional_property_for_the_same_member_send_it_once_the_option_winning()
    {
        // Whether the spec in use types these members (2024-08-23 types parallel_tool_calls) or not (the seed), the
        // body holds each once: SentWith fails on a member written both typed and extra.
        var body = await SentWith(new ChatOptions
        {
            Tools = [AIFunctionFactory.Create(() => "ok", "ping")],
            AllowMultipleToolCalls = false,
            Reasoning = new ReasoningOptions { Effort = Microsoft.Extensions.AI.ReasoningEffort.High },
            AdditionalProperties = new() { ["parallel_tool_calls"] = true, ["reasoning_effort"] = "low" },
        });

        Assert.That((bool?)body["parallel_tool_calls"], Is.False);
        Assert.That((string?)body["reasoning_effort"], Is.EqualTo("high"));
    }

    [Test]
    public async Task Additional_properties_set_typed_members_by_json_name_and_add_unknown_ones()
    {
        var body = await SentWith(new ChatOptions
        {
            Temperature = 0.5f,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                ["user"] = "user-1234",
                ["n"] = 2,
                ["logit_bias"] = new System.Collections.Generic.Dictionary<string, int> { ["50256"] = -100 },
                ["temperature"] = 1.5,                                     // the typed option wins
                ["store"] = true,                                          // unknown to the spec: written as it is
                ["metadata"] = JsonDocument.Parse("""{"team": "qa"}""").RootElement,
            },
        });

        body.Remove("messages");
        AssertJson(body, """
            {"model": "gpt-4o-mini", "logit_bias": {"50256": -100}, "n": 2, "temperature": 0.5, "user": "user-1234",
             "store": true, "metadata": {"team": "qa"}}
            """);
    }

    [Test]
    public void An_additional_property_of_the_wrong_shape_names_its_key()
    {
        var options = new ChatOptions { AdditionalProperties = new AdditionalPropertiesDictionary { ["n"] = "many" } };

        var error = Assert.ThrowsAsync<ArgumentException>(() => SentWith(options));

        Assert.That(error!.Message, Does.Contain("ChatOptions.AdditionalProperties[\"n\"]"));
    }

    [Test]
    public async Task Max_tokens_stays_sendable_where_the_spec_deprecates_it()
    {
        // For servers that lack max_completion_tokens: the caller names the member itself.
        var body = await SentWith(new ChatOptions { AdditionalProperties = new() { ["max_tokens"] = 7 } });

        Assert.Multiple(() =>
        {
            Assert.That((int?)body["max_tokens"], Is.EqualTo(7));
            Assert.That(body.ContainsKey("max_completion_tokens"), Is.False);
        });
    }

    [Test]
    public async Task A_raw_request_is_the_starting_point_and_what_it_sets_wins()
    {
        var tool = AIFunctionFactory.Create(() => "ok", "ping");
        var body = await SentWith(new ChatOptions
        {
            ModelId = "gpt-4o",
            Temperature = 0.9f,
            MaxOutputTokens = 10,
            Tools = [tool],
            ToolMode = ChatToolMode.RequireAny,
            RawRepresentationFactory = _ => new CreateChatCompletionRequest
            {
                Model = "gpt-4-turbo",
                Temperature = 0.1,
                Messages = { ChatMessage.System("From the raw request.") },
                ToolChoice = ChatCompletionToolChoiceOption.None,
                Logprobs = true,
            },
        });

        Assert.Multiple(() =>
        {
            Assert.That((string?)body["model"], Is.EqualTo("gpt-4-turbo"));
            Assert.That((double?)body["temperature"], Is.EqualTo(0.1));
            Assert.That((int?)body[MaxOutputTokensMember], Is.EqualTo(10));
            Assert.That(body.Properties().Count(p => p.Name is "max_tokens" or "max_completion_tokens"), Is.EqualTo(1));
            Assert.That((bool?)body["logprobs"], Is.True);
            AssertJson(body["tool_choice"], "\"none\"");
            Assert.That((string?)body["tools"]![0]!["function"]!["name"], Is.EqualTo("ping"));
            AssertJson(body["messages"], """[{"role": "system", "content": "From the raw request."}, {"role": "user", "content": "Hello"}]""");
        });
    }

    [Test]
    public void A_raw_representation_of_another_type_is_refused()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => SentWith(new ChatOptions { RawRepresentationFactory = _ => "not a request" }));

        Assert.That(error!.Message, Does.Contain("RawRepresentationFactory").And.Contain("System.String"));
    }

    [Test]
    public void Non_finite_sampling_values_are_refused_with_their_option()
    {
        var error = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SentWith(new ChatOptions { TopP = float.NaN }));

        Assert.That(error!.ParamName, Is.EqualTo("ChatOptions.TopP"));
    }
}
