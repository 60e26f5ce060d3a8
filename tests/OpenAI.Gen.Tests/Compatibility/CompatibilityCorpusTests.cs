using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Client;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Compatibility;

/// <summary>
/// Replays the compatibility corpus (<c>index.json</c> beside this file: one folder per OpenAI-compatible server) over a
/// loopback server: the client sends the case's request and must yield what the case expects.
/// </summary>
public class CompatibilityCorpusTests : LoopbackTest
{
    private static readonly string Folder = Path.Combine(Repo.Root, "tests", "OpenAI.Gen.Tests", "Compatibility");

    /// <summary>Every case of the index, named server/case.</summary>
    public static IEnumerable<TestCaseData> Cases() =>
        ((JArray)JObject.Parse(File.ReadAllText(Path.Combine(Folder, "index.json")))["cases"]!)
        .Cast<JObject>()
        .Select(c => new TestCaseData(c.ToString(Formatting.None)).SetName("Compatibility " + (string)c["server"]! + ": " + (string)c["name"]!));

    [Test]
    public void Every_server_of_the_issue_has_chat_streaming_and_error_cases()
    {
        var cases = Cases().Select(c => JObject.Parse((string)c.Arguments[0]!)).ToList();
        foreach (var server in new[] { "Azure OpenAI", "Ollama", "vLLM", "LM Studio", "Groq", "Mistral", "DeepSeek", "OpenRouter", "LocalAI" })
        {
            var mine = cases.Where(c => (string)c["server"]! == server).ToList();
            Assert.That(mine.Any(c => !(bool)c["stream"]! && c["expect"]!["error"] == null), Is.True, server + ": an answer");
            Assert.That(mine.Any(c => (bool)c["stream"]!), Is.True, server + ": a stream");
            Assert.That(mine.Any(c => c["expect"]!["error"] != null), Is.True, server + ": an error");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Replays(string caseJson)
    {
        var c = JObject.Parse(caseJson);
        var answer = (JObject)c["answer"]!;
        var expect = (JObject)c["expect"]!;
        var body = File.ReadAllText(Path.Combine(Folder, (string)answer["body"]!));
        var headers = ((JObject)answer["headers"]!).Properties().Select(p => (p.Name, (string)p.Value!)).ToArray();
        Server.Script(ScriptedServer.Text((int)answer["status"]!, (string)answer["contentType"]!, body, headers));

        var client = Client(o =>
        {
            o.MaxRetries = 0;
            if (c["options"]?["azure"] is JObject azure)
            {
                var azureOptions = OpenAIClientOptions.ForAzure(new Uri(Server.BaseUrl.GetLeftPart(UriPartial.Authority)), (string)azure["deployment"]!, (string)azure["apiVersion"]!, Key);
                o.BaseUrl = azureOptions.BaseUrl;
                o.ApiKeyHeader = azureOptions.ApiKeyHeader;
                o.QueryParameters["api-version"] = azureOptions.QueryParameters["api-version"];
            }
        });
        var request = JsonConvert.DeserializeObject<CreateChatCompletionRequest>(File.ReadAllText(Path.Combine(Folder, (string)c["request"]!)), OpenAIJson.Default.CopySettings())!;

        Exception? error = null;
        JObject? read = null;
        var chunks = new List<CreateChatCompletionStreamResponse>();
        var accumulator = new ChatCompletionAccumulator();
        try
        {
            if ((bool)c["stream"]!)
            {
                await foreach (var chunk in client.CreateChatCompletionStreamAsync(request))
                {
                    chunks.Add(chunk);
                    accumulator.Append(chunk);
                }
            }
            else
            {
                read = JObject.FromObject(await client.CreateChatCompletionAsync(request), JsonSerializer.Create(OpenAIJson.Default.CopyChunkSettings()));
            }
        }
        catch (Exception e)
        {
            error = e;
        }

        if ((bool)c["stream"]!)
        {
            read = JObject.FromObject(accumulator.Snapshot(), JsonSerializer.Create(OpenAIJson.Default.CopyChunkSettings()));
        }

        Assert.Multiple(() =>
        {
            CheckRequest(expect["request"] as JObject);
            CheckError(expect["error"] as JObject, error);
            if (expect["chunks"] is { } count)
            {
                Assert.That(chunks, Has.Count.EqualTo((int)count), "chunks");
            }

            if (expect["content"] is { } content)
            {
                Assert.That((string?)read!.SelectToken("choices[0].message.content"), Is.EqualTo((string)content!), "content");
            }

            if (expect["finishReason"] is { } finish)
            {
                Assert.That((string?)read!.SelectToken("choices[0].finish_reason"), Is.EqualTo((string)finish!), "finish_reason");
            }

            if (expect["totalTokens"] is { } total)
            {
                Assert.That((int?)read!.SelectToken("usage.total_tokens"), Is.EqualTo((int)total), "usage.total_tokens");
            }

            if (expect["toolCalls"] is JArray tools)
            {
                Assert.That(read!.SelectTokens("choices[0].message.tool_calls[*].function.name").Select(t => (string?)t), Is.EqualTo(tools.Select(t => (string?)t)), "tool calls");
            }

            foreach (var kept in (expect["keptMembers"] as JArray ?? new JArray()).Select(k => (string)k!))
            {
                Assert.That(read!.SelectToken(kept), Is.Not.Null, "kept member " + kept);
            }

            foreach (var member in (expect["accumulated"] as JObject ?? new JObject()).Properties())
            {
                Assert.That((string?)read!.SelectToken(member.Name), Is.EqualTo((string?)member.Value), "accumulated " + member.Name);
            }
        });
    }

    private void CheckRequest(JObject? expected)
    {
        if (expected == null)
        {
            return;
        }

        var sent = Server.Requests.Single();
        Assert.That(sent.Path, Is.EqualTo((string)expected["path"]!), "request path");
        Assert.That(sent.Query, Is.EqualTo((string)expected["query"]!), "request query");
        Assert.That(sent.Header((string)expected["keyHeader"]!), Is.EqualTo(Key), "the key header");
        Assert.That(sent.Header("Authorization"), Is.Null, "no Authorization header beside the key header");
    }

    private static void CheckError(JObject? expected, Exception? error)
    {
        if (expected == null)
        {
            Assert.That(error, Is.Null, "no error");
            return;
        }

        Assert.That(error, Is.InstanceOf<OpenAIException>(), "an OpenAIException");
        if (error is not OpenAIException api)
        {
            return;
        }

        Assert.That(api.StatusCode, Is.EqualTo((int)expected["status"]!), "status");
        var message = api.ErrorMessage ?? api.Message;
        if (expected["message"] is { } exact)
        {
            Assert.That(message, Is.EqualTo((string)exact!), "error message");
        }

        if (expected["messageStartsWith"] is { } start)
        {
            Assert.That(message, Does.StartWith((string)start!), "error message");
        }

        if (expected["messageContains"] is { } part)
        {
            Assert.That(message, Does.Contain((string)part!), "error message");
        }

        foreach (var (key, actual) in new[] { ("code", api.ErrorCode), ("type", api.ErrorType), ("param", api.Param), ("requestId", api.RequestId) })
        {
            if (expected[key] is { } value)
            {
                Assert.That(actual, Is.EqualTo((string)value!), "error " + key);
            }
        }
    }
}
