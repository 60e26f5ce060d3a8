using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Client;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>Answers as servers send them, where the wire is looser than the spec.</summary>
public class LenientReadingTests : LoopbackTest
{
    // What the API answers to echo: true with logprobs: the first prompt token has no logprob.
    private const string EchoAnswer = """
        {"id":"cmpl-1","object":"text_completion","created":1700000000,"model":"gpt-3.5-turbo-instruct",
         "choices":[{"text":"Hello world","index":0,"finish_reason":"length",
           "logprobs":{"tokens":["Hello"," world"],"token_logprobs":[null,-5.23],"top_logprobs":[null,{" world":-5.23}],"text_offset":[0,5]}}],
         "usage":{"prompt_tokens":2,"completion_tokens":0,"total_tokens":2}}
        """;

    [Test]
    public async Task Null_items_in_completion_logprobs_read_and_write_back()
    {
        Server.Script(ScriptedServer.Json(200, EchoAnswer));

        var answer = await Client().CreateCompletionAsync(new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Hello world" });

        var logprobs = answer.Choices.Single().Logprobs!;
        Assert.Multiple(() =>
        {
            Assert.That(logprobs.TokenLogprobs, Is.EqualTo(new double?[] { null, -5.23 }));
            Assert.That(logprobs.TopLogprobs![0], Is.Null);
            Assert.That(logprobs.TopLogprobs[1][" world"], Is.EqualTo(-5.23));
            Assert.That(Newtonsoft.Json.JsonConvert.SerializeObject(logprobs, OpenAIJson.Default.CopySettings()), Does.Contain("\"token_logprobs\":[null,-5.23]"));
        });
    }

    [TestCase("choices[0].finish_reason", "\"\"", TestName = "An empty finish_reason reads (LocalAI)")]
    [TestCase("choices[0].finish_reason", "null", TestName = "A null finish_reason in a whole answer reads")]
    [TestCase("choices[0].finish_reason", "\"eos_token\"", TestName = "An unknown finish_reason reads")]
    [TestCase("id", null, TestName = "An answer without its required id reads")]
    [TestCase("created", "null", TestName = "A null created time reads")]
    [TestCase("choices[0].index", null, TestName = "A choice without its index reads")]
    public async Task Answers_read_where_the_wire_is_looser_than_the_spec(string path, string? value)
    {
        // The spec's Default answer with the member at path set to value (JSON), or left out when value is null.
        var json = SpecExamples.DefaultChat;
        var member = json.SelectToken(path);
        Assert.That(member, Is.Not.Null, path);
        if (value == null)
        {
            member!.Parent!.Remove();
        }
        else
        {
            member!.Replace(JToken.Parse(value));
        }

        Server.Script(ScriptedServer.Json(200, json.ToString(Newtonsoft.Json.Formatting.None)));

        var answer = await Client().CreateChatCompletionAsync(ChatRequest);

        Assert.That(answer.Choices.Single().Message.Content, Is.EqualTo(SpecExamples.DefaultChatContent));
    }

    [Test]
    public async Task A_wrong_JSON_kind_still_fails_with_its_path()
    {
        var json = SpecExamples.DefaultChat;
        json["created"] = "yesterday";
        Server.Script(ScriptedServer.Json(200, json.ToString(Newtonsoft.Json.Formatting.None)));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));

        Assert.That(e!.InnerException!.Message, Does.Contain("created"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Chunks_with_empty_choices_and_tool_calls_without_index_stream_and_accumulate()
    {
        // Azure's first chunk (prompt_filter_results, no choices), a tool-call delta without index, a usage chunk.
        var stream = string.Concat(
            "data: {\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}\n\n",
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}\n\n",
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n",
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}\n\n",
            "data: [DONE]\n\n");
        Server.Script(ScriptedServer.Text(200, "text/event-stream", stream));

        var accumulator = new ChatCompletionAccumulator();
        var chunks = 0;
        await foreach (var chunk in Client().CreateChatCompletionStreamAsync(ChatRequest))
        {
            chunks++;
            accumulator.Append(chunk);
        }

        var snapshot = accumulator.Snapshot();
        Assert.Multiple(() =>
        {
            Assert.That(chunks, Is.EqualTo(4));
            Assert.That(snapshot.Choices.Single().Message.ToolCalls!.OfType<ChatCompletionMessageToolCall>().Single().Function.Name, Is.EqualTo("f"));
            Assert.That(snapshot.Usage!.TotalTokens, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_deep_unknown_member_that_streams_also_snapshots()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var chunk = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"deep\":" + deep + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}";
        Server.Script(ScriptedServer.Text(200, "text/event-stream", "data: " + chunk + "\n\ndata: [DONE]\n\n"));

        var accumulator = new ChatCompletionAccumulator();
        await foreach (var item in Client().CreateChatCompletionStreamAsync(ChatRequest))
        {
            accumulator.Append(item);
        }

        var snapshot = accumulator.Snapshot();
        Assert.That(snapshot.AdditionalProperties["deep"].ToString()!.Replace(" ", string.Empty).Replace("\n", string.Empty).Replace("\r", string.Empty), Is.EqualTo(deep));
    }
}
