using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Extensions.AI;
using OpenAI.Gen.Tests.Support;
using RichardSzalay.MockHttp;

namespace OpenAI.Gen.Tests.ExtensionsAI;

/// <summary>Runs the chat client over MockHttp and gives back what went over the wire.</summary>
internal static class ChatHarness
{
    public const string Model = "gpt-4o-mini";

    /// <summary>A plain text answer ("Hi there!", finish_reason stop, usage 9/12/21).</summary>
    public const string TextAnswer = """
        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-mini-2024-07-18",
         "system_fingerprint": "fp_44709d6fcb",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi there!"}, "logprobs": null, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21}}
        """;

    public static readonly Uri BaseUrl = new("https://api.openai.com/v1");

    /// <summary>Calls <paramref name="act"/> on a chat client whose server answers <paramref name="answer"/> with <paramref name="status"/>; returns the request body.</summary>
    public static async Task<JObject> SentBodyAsync(Func<IChatClient, Task> act, string answer = TextAnswer, HttpStatusCode status = HttpStatusCode.OK)
    {
        var handler = new MockHttpMessageHandler();
        var capture = new RequestCapture();
        handler.Expect(HttpMethod.Post, "https://api.openai.com/v1/chat/completions")
            .With(capture.Take)
            .Respond(status, new[] { new System.Collections.Generic.KeyValuePair<string, string>("x-request-id", "req_mock") }, "application/json", answer);
        using var http = handler.ToHttpClient();
        using var chat = new OpenAIClient(http, "sk-test", BaseUrl).AsIChatClient(Model);
        await act(chat);
        handler.VerifyNoOutstandingExpectation();
        return ParseBody(capture.Body!);
    }

    /// <summary>A sent body; a member written twice (typed and extra) fails, where a plain parse would keep the last.</summary>
    public static JObject ParseBody(string body) =>
        JObject.Parse(body, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });

    /// <summary>The response <paramref name="answer"/> maps to.</summary>
    public static async Task<ChatResponse> ResponseAsync(string answer)
    {
        ChatResponse? response = null;
        await SentBodyAsync(async chat => response = await chat.GetResponseAsync("Hello"), answer);
        return response!;
    }

    /// <summary>Asserts JSON equality, showing both sides when they differ.</summary>
    public static void AssertJson(JToken? actual, string expected)
    {
        var want = JToken.Parse(expected);
        Assert.That(JToken.DeepEquals(actual, want), Is.True, $"expected:\n{want}\nactual:\n{actual}");
    }
}
