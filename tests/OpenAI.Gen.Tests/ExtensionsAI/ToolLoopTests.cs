using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;
using OpenAI.Gen.Extensions.AI;
using static OpenAI.Gen.Tests.ExtensionsAI.ChatHarness;

namespace OpenAI.Gen.Tests.ExtensionsAI;

/// <summary>The adapter under <see cref="FunctionInvokingChatClient"/>, against a scripted model on a loopback server.</summary>
public class ToolLoopTests
{
    private const string CallsWeatherAndTime = """
        {"id": "chatcmpl-t1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o",
         "choices": [{"index": 0, "logprobs": null, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null, "tool_calls": [
           {"id": "call_w", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\",\"unit\":\"celsius\"}"}},
           {"id": "call_t", "type": "function", "function": {"name": "get_time", "arguments": "{\"city\":\"Paris\"}"}}]}}],
         "usage": {"prompt_tokens": 50, "completion_tokens": 20, "total_tokens": 70}}
        """;

    private const string Answers = """
        {"id": "chatcmpl-t2", "object": "chat.completion", "created": 1700000001, "model": "gpt-4o",
         "choices": [{"index": 0, "logprobs": null, "finish_reason": "stop", "message": {"role": "assistant", "content": "In Paris it is 21 degrees at 14:05."}}],
         "usage": {"prompt_tokens": 90, "completion_tokens": 12, "total_tokens": 102}}
        """;

    [Test]
    public async Task The_function_invoking_client_runs_the_tools_and_sends_their_results_back()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Json(CallsWeatherAndTime), ScriptedChatServer.Json(Answers));
        using var http = new HttpClient();
        var invoked = new List<string>();
        var weather = AIFunctionFactory.Create((string city, string unit) =>
        {
            invoked.Add($"weather {city} {unit}");
            return new { city, temperature = 21, unit };
        }, "get_weather", "Current weather in a city.");
        var time = AIFunctionFactory.Create((string city) =>
        {
            invoked.Add($"time {city}");
            return "14:05";
        }, "get_time", "Local time in a city.");
        using var chat = server.CreateClient(http).AsIChatClient("gpt-4o").AsBuilder().UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("Weather and time in Paris?", new ChatOptions { Tools = [weather, time] });

        Assert.Multiple(() =>
        {
            Assert.That(response.Text, Is.EqualTo("In Paris it is 21 degrees at 14:05."));
            Assert.That(invoked, Is.EqualTo(new[] { "weather Paris celsius", "time Paris" }));
            Assert.That(response.Usage!.TotalTokenCount, Is.EqualTo(172), "the loop adds the usage of both calls");
            Assert.That(server.Paths, Is.EqualTo(new[] { "/v1/chat/completions", "/v1/chat/completions" }));
        });

        var first = server.Bodies[0];
        var second = server.Bodies[1];
        Assert.That(first["tools"]!.Select(t => (string?)t["function"]!["name"]), Is.EqualTo(new[] { "get_weather", "get_time" }));
        AssertJson(second["messages"], """
            [
              {"role": "user", "content": "Weather and time in Paris?"},
              {"role": "assistant", "tool_calls": [
                {"id": "call_w", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\",\"unit\":\"celsius\"}"}},
                {"id": "call_t", "type": "function", "function": {"name": "get_time", "arguments": "{\"city\":\"Paris\"}"}}]},
              {"role": "tool", "content": "{\"city\":\"Paris\",\"temperature\":21,\"unit\":\"celsius\"}", "tool_call_id": "call_w"},
              {"role": "tool", "content": "14:05", "tool_call_id": "call_t"}
            ]
            """);
    }

    [Test]
    public async Task A_failing_tool_is_reported_to_the_model_which_still_answers()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Json(CallsWeatherAndTime), ScriptedChatServer.Json(Answers));
        using var http = new HttpClient();
        var weather = AIFunctionFactory.Create(string (string city, string unit) => throw new System.InvalidOperationException("weather service down"), "get_weather");
        var time = AIFunctionFactory.Create((string city) => "14:05", "get_time");
        using var chat = new FunctionInvokingChatClient(server.CreateClient(http).AsIChatClient("gpt-4o")) { IncludeDetailedErrors = true };

        var response = await chat.GetResponseAsync("Weather and time in Paris?", new ChatOptions { Tools = [weather, time] });

        Assert.That(response.Text, Is.EqualTo("In Paris it is 21 degrees at 14:05."));
        var toolMessages = server.Bodies[1]["messages"]!.Where(m => (string?)m["role"] == "tool").ToList();
        Assert.That((string?)toolMessages[0]["tool_call_id"], Is.EqualTo("call_w"));
        Assert.That((string?)toolMessages[0]["content"], Does.Contain("weather service down"));
        Assert.That((string?)toolMessages[1]["content"], Is.EqualTo("14:05"));
    }

    [Test]
    public async Task At_the_iteration_limit_the_loop_still_gets_a_last_answer_with_a_required_tool_mode()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Json(CallsWeatherAndTime), ScriptedChatServer.Json(Answers));
        using var http = new HttpClient();
        var weather = AIFunctionFactory.Create((string city, string unit) => "21", "get_weather");
        var time = AIFunctionFactory.Create((string city) => "14:05", "get_time");
        using var chat = new FunctionInvokingChatClient(server.CreateClient(http).AsIChatClient("gpt-4o")) { MaximumIterationsPerRequest = 1 };

        var response = await chat.GetResponseAsync("Weather and time in Paris?", new ChatOptions { Tools = [weather, time], ToolMode = ChatToolMode.RequireAny });

        Assert.That(response.Text, Is.EqualTo("In Paris it is 21 degrees at 14:05."));
        AssertJson(server.Bodies[0]["tool_choice"], "\"required\"");
        Assert.That(server.Bodies[1].Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "messages", "model" }), "the last round goes without tools, so without tool_choice");
    }
}
