using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using OpenAI.Gen.Cli.Commands;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.ExtensionsAI;
using OpenAI.Gen.Tests.Support;
using static OpenAI.Gen.Tests.Cli.CliRun;

namespace OpenAI.Gen.Tests.Cli;

public class ApiCommandTests
{
    private const string ChatAnswer = """
        {"id": "chatcmpl-9", "object": "chat.completion", "created": 1, "model": "gpt-4o", "choices": [
          {"index": 0, "logprobs": null, "finish_reason": "length", "message": {"role": "assistant", "content": "Hi from the loopback."}}]}
        """;

    [Test]
    public async Task Chat_without_key_or_base_url_answers_offline_from_the_examples_and_says_so()
    {
        var expected = await ExampleChatTextAsync(stream: false);

        var (exit, output, error) = await Chat(NoEnvironment, "Hello", "--no-stream");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Is.EqualTo(expected + Environment.NewLine));
            Assert.That(output.Trim(), Is.EqualTo(SpecExamples.DefaultChatContent.Trim()));
            Assert.That(error, Does.Contain("no OPENAI_API_KEY and no --base-url").And.Contain("offline"));
        });
    }

    [Test]
    public async Task Chat_streams_offline_a_whole_answer_and_says_first_that_it_is_offline()
    {
        var expected = await ExampleChatTextAsync(stream: true);
        var whole = await ExampleChatTextAsync(stream: false);

        var (exit, output, error) = await Chat(NoEnvironment, "Hello");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            // Streamed, the offline answer spells the same text as the whole Default answer.
            Assert.That(expected, Is.EqualTo(whole));
            Assert.That(output, Is.EqualTo(expected + Environment.NewLine));
            Assert.That(output.Trim(), Is.EqualTo(SpecExamples.DefaultChatContent.Trim()));
            Assert.That(error.Split('\n')[0], Does.StartWith("openai-gen: ").And.Contain("offline"));
        });
    }

    [Test]
    public async Task Complete_answers_offline_streamed_and_whole()
    {
        var streamed = await Complete(NoEnvironment, "Say this is a test");
        var whole = await Complete(NoEnvironment, "Say this is a test", "--no-stream");

        Assert.Multiple(() =>
        {
            Assert.That(streamed.Exit, Is.EqualTo(0), streamed.Error);
            Assert.That(streamed.Output, Is.EqualTo("This" + Environment.NewLine));
            Assert.That(whole.Exit, Is.EqualTo(0), whole.Error);
            Assert.That(whole.Output, Does.Contain("This is indeed a test"));
            Assert.That(whole.Error, Does.Contain("offline").And.Contain("finish_reason 'length'"));
        });
    }

    [Test]
    public async Task With_a_base_url_it_calls_that_server_with_the_key_model_and_prompt()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Json(ChatAnswer));
        var environment = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-from-env" };

        var (exit, output, error) = await Chat(environment, "Hi there", "--model", "gpt-4o", "--base-url", server.BaseUrl.ToString(), "--no-stream");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(output, Is.EqualTo("Hi from the loopback." + Environment.NewLine));
            Assert.That(error, Does.Not.Contain("offline"));
            Assert.That(error, Does.Contain("finish_reason 'length'"));
            Assert.That(server.Paths.Single(), Is.EqualTo("/v1/chat/completions"));
            Assert.That(server.Authorizations.Single(), Is.EqualTo("Bearer sk-from-env"));
            ChatHarness.AssertJson(server.Bodies.Single(), """{"messages": [{"role": "user", "content": "Hi there"}], "model": "gpt-4o"}""");
        });
    }

    [Test]
    public async Task OPENAI_BASE_URL_is_used_like_base_url()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Json(ChatAnswer));
        var environment = new Dictionary<string, string> { ["OPENAI_BASE_URL"] = server.BaseUrl.ToString(), ["OPENAI_API_KEY"] = "sk-x" };

        var (exit, output, error) = await Chat(environment, "Hi", "--no-stream");

        Assert.That(exit, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("Hi from the loopback."));
        Assert.That((string?)server.Bodies.Single()["model"], Is.EqualTo(ChatCommand.DefaultModel));
    }

    [Test]
    public async Task Chat_writes_each_token_as_soon_as_it_arrives()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedChatServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: " + Chunk("Hel") + "\n\n");
            await context.Response.Body.FlushAsync();

            // The rest is sent only once the CLI has printed the first token.
            await firstSeen.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await context.Response.WriteAsync("data: " + Chunk("lo") + "\n\ndata: " + Chunk(null, "stop") + "\n\ndata: [DONE]\n\n");
        });
        var output = new ObservedWriter(text => text.Contains("Hel"), firstSeen);

        var (exit, text, error) = await Run(new ChatCommand(Lookup(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-x" })), new[] { "Hi", "--base-url", server.BaseUrl.ToString() }, output);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), error);
            Assert.That(text, Is.EqualTo("Hello" + Environment.NewLine));
            Assert.That(output.Writes.Take(2), Is.EqualTo(new[] { "Hel", "lo" }));
            Assert.That((bool?)server.Bodies.Single()["stream"], Is.True);
        });
    }

    [Test]
    public async Task An_api_error_is_one_line_with_status_type_and_request_id_and_exit_1()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Json(
            """{"error": {"message": "Incorrect API key provided: sk-x***.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}""", 401));

        var (exit, output, error) = await Chat(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-x" }, "Hi", "--base-url", server.BaseUrl.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Is.Empty);
            Assert.That(error.TrimEnd('\r', '\n').Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.StartWith("error: HTTP 401, type invalid_request_error, code invalid_api_key, request id req_scripted, Incorrect API key provided"));
        });
    }

    [Test]
    public async Task An_error_in_the_middle_of_a_stream_is_one_line_after_the_text_so_far()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Events(
            Chunk("Partial"),
            """{"error": {"message": "The server had an error while processing your request.", "type": "server_error", "param": null, "code": null}}"""));

        var (exit, output, error) = await Chat(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-x" }, "Hi", "--base-url", server.BaseUrl.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Is.EqualTo("Partial"));
            Assert.That(error.TrimEnd('\r', '\n').Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.StartWith("error: ").And.Contain("type server_error").And.Contain("The server had an error"));
        });
    }

    [Test]
    public async Task Ctrl_c_stops_a_stream_with_exit_130()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedChatServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: " + Chunk("Hel") + "\n\n");
            await context.Response.Body.FlushAsync();

            // Never finishes: only the client's cancellation ends it.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
        });
        using var cancel = new CancellationTokenSource();
        var output = new ObservedWriter(text => text.Contains("Hel"), firstSeen);
        _ = firstSeen.Task.ContinueWith(_ => cancel.Cancel(), TaskScheduler.Default);

        var (exit, text, error) = await Run(
            new ChatCommand(Lookup(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-x" })), new[] { "Hi", "--base-url", server.BaseUrl.ToString() }, output, cancel.Token)
            .WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(130));
            Assert.That(text, Is.EqualTo("Hel"));
            Assert.That(error, Does.Contain("cancelled"));
        });
    }

    [Test]
    public async Task Bad_usage_exits_2_with_the_reason()
    {
        var noPrompt = await Chat(NoEnvironment);
        var unknown = await Chat(NoEnvironment, "Hi", "--temperature", "2");
        var twoPrompts = await Complete(NoEnvironment, "Hi", "there");
        var badUrl = await Chat(NoEnvironment, "Hi", "--base-url", "not a url");
        var noValue = await Chat(NoEnvironment, "Hi", "--model");
        var badEnvironment = await Chat(new Dictionary<string, string> { ["OPENAI_BASE_URL"] = "::nope" }, "Hi");

        Assert.Multiple(() =>
        {
            Assert.That(noPrompt.Exit, Is.EqualTo(2));
            Assert.That(noPrompt.Error, Does.Contain("no prompt given"));
            Assert.That(unknown.Exit, Is.EqualTo(2));
            Assert.That(unknown.Error, Does.Contain("unknown option '--temperature'"));
            Assert.That(twoPrompts.Exit, Is.EqualTo(2));
            Assert.That(twoPrompts.Error, Does.Contain("only one prompt"));
            Assert.That(badUrl.Exit, Is.EqualTo(2));
            Assert.That(badUrl.Error, Does.Contain("--base-url needs an absolute http(s) URL"));
            Assert.That(noValue.Exit, Is.EqualTo(2));
            Assert.That(noValue.Error, Does.Contain("--model needs a value"));
            Assert.That(badEnvironment.Exit, Is.EqualTo(2));
            Assert.That(badEnvironment.Error, Does.Contain("OPENAI_BASE_URL is not an absolute URL"));
        });
    }

    private static string Chunk(string? content, string? finishReason = null) =>
        "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":" +
        (content == null ? "{}" : "{\"content\":\"" + content + "\"}") + ",\"logprobs\":null,\"finish_reason\":" +
        (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";

    /// <summary>What the library itself gets from the fake server for the request the CLI sends.</summary>
    private static async Task<string> ExampleChatTextAsync(bool stream)
    {
        using var http = new HttpClient(new SpecExampleHandler());
        var client = new OpenAIClient(http, "sk-offline", new Uri("https://api.openai.com/v1"));
        var request = new CreateChatCompletionRequest { Model = ChatCommand.DefaultModel, Messages = { ChatMessage.User("Hello") } };
        if (!stream)
        {
            return (await client.CreateChatCompletionAsync(request, CancellationToken.None)).Choices[0].Message.Content!;
        }

        var text = new StringBuilder();
        await foreach (var chunk in client.CreateChatCompletionStreamAsync(request, CancellationToken.None))
        {
            text.Append(chunk.Choices.FirstOrDefault()?.Delta.Content);
        }

        return text.ToString();
    }
}
