using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

public class ConformanceFakeServerTests
{
    [Test]
    public async Task Every_check_against_the_fake_server_passes_with_only_the_specs_allowed_example_findings()
    {
        await using var server = await HandlerHost.StartAsync(new SpecExampleHandler());
        var options = new ConformanceOptions(server.BaseUrl) { ApiKey = "sk-conformance-secret", Timeout = TimeSpan.FromSeconds(20) };
        var allowances = ExampleAllowanceFile.Load(Path.Combine(Repo.Root, "openapi", "example-allowances.json")).Allowances;
        foreach (var allowance in allowances)
        {
            options.Validation.Allowances.Add(allowance);
        }

        var report = await new ConformanceRunner(options).RunAsync();

        var text = new StringWriter();
        report.WriteText(text);
        TestContext.Out.WriteLine(text);
        var examples = report.Checks.Where(c => !c.IsProbe).ToList();
        var expected = FakeServerExpectations.Examples.Select(e => e.Operation + " / " + e.Title);
        var probed = FakeServerExpectations.Probed;
        var responseAllowances = FakeServerExpectations.ResponseAllowances(allowances);
        Assert.Multiple(() =>
        {
            Assert.That(examples.Select(c => c.Name), Is.EqualTo(expected));
            Assert.That(report.Checks.Where(c => c.Verdict != ConformanceVerdict.Skipped).Select(c => c.Verdict), Is.All.EqualTo(ConformanceVerdict.Pass), text.ToString());
            // The fake server answers with the spec's examples, so it departs exactly where they do: the allowed findings.
            Assert.That(
                examples.SelectMany(c => c.Departures.Select(d => (c.Name + " / response", d.Code, d.AllowedBecause))).Distinct(),
                Is.EquivalentTo(responseAllowances.Select(a => (a.Example, a.Code, (string?)a.Reason)).Distinct()));
            // Probes answered from the same examples depart where they do, allowed by the same reviewed reasons.
            Assert.That(report.Checks.Where(c => c.IsProbe).SelectMany(c => c.Departures).Select(d => d.AllowedBecause), Has.All.Not.Null);
            Assert.That(examples.Where(c => c.Streamed).Select(c => c.Chunks), Has.All.GreaterThan(0));
            Assert.That(examples.Where(c => c.Streamed).Select(c => c.FirstChunkLatency), Has.All.Not.Null);
            // A spec without stream_options gets that probe skipped, saying so, not sent; with it, the stream ends with usage.
            Assert.That(report.Checks.Where(c => c.Title == "probe: stream_options.include_usage").Select(c => (c.Verdict, c.Reason)),
                Is.EqualTo(probed.Select(o => FakeServerExpectations.UsageSkip(o) is { } why ? (ConformanceVerdict.Skipped, (string?)why) : (ConformanceVerdict.Pass, (string?)null))));
            var toolCall = report.Checks.Single(c => c.Name == "createChatCompletion / probe: tool call");
            Assert.That((toolCall.Streamed, toolCall.Chunks, toolCall.Verdict), Is.EqualTo((true, (int?)2, ConformanceVerdict.Pass)));
            Assert.That(report.Checks.Where(c => c.Title.StartsWith("probe: invalid request", StringComparison.Ordinal) && c.Verdict != ConformanceVerdict.Skipped).Select(c => (c.Operation, c.StatusCode, c.Verdict)),
                Is.EqualTo(probed.Where(FakeServerExpectations.InvalidSent).Select(o => (o.Operation, (int?)400, ConformanceVerdict.Pass))));
            Assert.That(report.Succeeded, Is.True);
            Assert.That(report.Summary, Is.EqualTo(FakeServerExpectations.Summary));
            Assert.That(report.ToString() + text, Does.Not.Contain("sk-conformance-secret"));
        });
    }

    [Test]
    public async Task Without_the_allowances_the_specs_own_example_findings_are_departures_by_path()
    {
        await using var server = await HandlerHost.StartAsync(new SpecExampleHandler());

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Only = "/completions", Timeout = TimeSpan.FromSeconds(20) }).RunAsync();

        var streaming = report.Checks.Single(c => c.Name == "createCompletion / Streaming");
        Assert.Multiple(() =>
        {
            Assert.That(report.Checks.Select(c => c.Operation), Is.All.EqualTo("createCompletion"));
            Assert.That(streaming.Verdict, Is.EqualTo(ConformanceVerdict.Departs));
            Assert.That(streaming.Departures.Select(d => d.ToString()), Is.EqualTo(new[]
            {
                "chunk 1: $.choices[0].finish_reason: expected string, found null",
                "chunk 1: $.choices[0].finish_reason: null is not one of stop, length, content_filter",
            }));
            Assert.That(report.Succeeded, Is.True, "departures are not failures");
        });
    }

    [Test]
    public async Task A_spec_with_stream_options_gets_the_usage_probe_sent_and_judged()
    {
        var path = Repo.SharedSpec("openai-2024-08-23.yaml");
        if (path == null)
        {
            Assert.Ignore("../shared/spec/openai-2024-08-23.yaml is absent: the later spec with stream_options cannot be read here");
        }

        var spec = SpecDocument.Load(path);
        await using var server = await HandlerHost.StartAsync(new SpecExampleHandler(spec));

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Spec = spec, Only = "createChatCompletion", Timeout = TimeSpan.FromSeconds(20) }).RunAsync();

        var usage = report.Checks.Single(c => c.Title == "probe: stream_options.include_usage");
        Assert.Multiple(() =>
        {
            Assert.That(usage.Streamed, Is.True);
            Assert.That(usage.Request!["stream_options"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"include_usage\":true}"));
            Assert.That(usage.Verdict, Is.EqualTo(ConformanceVerdict.Pass), usage.ToString());
        });
    }

    [Test]
    public async Task A_stream_asked_with_include_usage_ends_with_the_usage_of_the_whole_answer_to_the_same_request()
    {
        var path = Repo.SharedSpec("openai-2024-08-23.yaml");
        if (path == null)
        {
            Assert.Ignore("../shared/spec/openai-2024-08-23.yaml is absent: the later spec with stream_options cannot be read here");
        }

        using var http = new HttpClient(new SpecExampleHandler(SpecDocument.Load(path)));
        async Task<string> Post(string body) =>
            await (await http.PostAsync("http://127.0.0.1/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        const string Request = "\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},{\"role\":\"user\",\"content\":\"Hello!\"}]";

        var whole = JObject.Parse(await Post("{" + Request + "}"));
        var plain = Chunks(await Post("{" + Request + ",\"stream\":true}"));
        var withUsage = Chunks(await Post("{" + Request + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}"));

        Assert.Multiple(() =>
        {
            Assert.That(plain.Select(c => c["usage"]?.Type ?? JTokenType.Null), Is.All.EqualTo(JTokenType.Null));
            Assert.That(withUsage.Count, Is.EqualTo(plain.Count + 1));
            Assert.That(withUsage[^1]["choices"], Is.EqualTo(new JArray()));
            // This spec's chunk usage is not nullable: the chunks before the usage chunk leave it out rather than break it.
            Assert.That(withUsage.Take(withUsage.Count - 1).Select(c => c.ContainsKey("usage")), Is.All.False);
            Assert.That(withUsage[^1]["usage"], Is.EqualTo(whole["usage"]).And.Not.Null);
            Assert.That((string?)withUsage[^1]["id"], Is.EqualTo((string?)plain[^1]["id"]));
        });
    }

    [Test]
    public async Task A_client_streaming_with_include_usage_over_loopback_reads_null_usage_until_the_last_chunk()
    {
        var path = Repo.SharedSpec("openai-2024-12-04.yaml");
        if (path == null)
        {
            Assert.Ignore("../shared/spec/openai-2024-12-04.yaml is absent: the later spec with stream_options and a nullable chunk usage cannot be read here");
        }

        await using var server = await HandlerHost.StartAsync(new SpecExampleHandler(SpecDocument.Load(path)));
        using var http = new HttpClient();
        var client = new OpenAIClient(http, "sk-test", server.BaseUrl);
        CreateChatCompletionRequest Request() => new()
        {
            Model = "gpt-4o",
            Messages = { new ChatCompletionRequestSystemMessage { Content = "You are a helpful assistant." }, new ChatCompletionRequestUserMessage { Content = "Hello!" } },
        };
        var asked = Request();
        asked.AdditionalProperties["stream_options"] = new JObject { ["include_usage"] = true };

        var whole = Written(await client.CreateChatCompletionAsync(Request()));
        var chunks = new List<JObject>();
        await foreach (var chunk in client.CreateChatCompletionStreamAsync(asked))
        {
            chunks.Add(Written(chunk));
        }

        Assert.Multiple(() =>
        {
            Assert.That(chunks, Has.Count.GreaterThan(1));
            // Every chunk before the last names usage, as null; the last has no choices and the whole answer's usage.
            Assert.That(chunks.Take(chunks.Count - 1).Select(c => c.TryGetValue("usage", out var u) ? u.Type : JTokenType.None), Is.All.EqualTo(JTokenType.Null));
            Assert.That(chunks[^1]["choices"], Is.EqualTo(new JArray()));
            Assert.That(chunks[^1]["usage"], Is.TypeOf<JObject>());
            Assert.That(JToken.DeepEquals(chunks[^1]["usage"], whole["usage"]), Is.True, $"{chunks[^1]["usage"]} is not the whole answer's {whole["usage"]}");
        });
    }

    // A DTO as the client writes it back: what it read, usage included whether the spec in use types it or not.
    private static JObject Written(object value) => JObject.Parse(JsonConvert.SerializeObject(value, OpenAIJson.Default.CopySettings()));

    private static List<JObject> Chunks(string events) =>
        events.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Substring("data: ".Length))
            .Where(data => data != "[DONE]")
            .Select(JObject.Parse)
            .ToList();
}
