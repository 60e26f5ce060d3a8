using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
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
        var expected = SpecDocument.Embedded.Examples.Where(e => e.Request != null).Select(e => e.Operation + " / " + e.Title);
        Assert.Multiple(() =>
        {
            Assert.That(examples.Select(c => c.Name), Is.EqualTo(expected));
            Assert.That(report.Checks.Where(c => c.Verdict != ConformanceVerdict.Skipped).Select(c => c.Verdict), Is.All.EqualTo(ConformanceVerdict.Pass), text.ToString());
            // The fake server answers with the spec's examples, so it departs exactly where they do: the allowed findings.
            Assert.That(
                report.Checks.SelectMany(c => c.Departures.Select(d => (c.Name + " / response", d.Code, d.AllowedBecause))),
                Is.EquivalentTo(allowances.Select(a => (a.Example, a.Code, (string?)a.Reason))));
            Assert.That(examples.Where(c => c.Streamed).Select(c => c.Chunks), Has.All.GreaterThan(0));
            Assert.That(examples.Where(c => c.Streamed).Select(c => c.FirstChunkLatency), Has.All.Not.Null);
            // The seed spec has no stream_options: that probe is skipped, saying so, not sent.
            Assert.That(report.Checks.Where(c => c.Title == "probe: stream_options.include_usage").Select(c => (c.Verdict, c.Reason)),
                Is.EqualTo(new[]
                {
                    (ConformanceVerdict.Skipped, (string?)"the spec's CreateChatCompletionRequest has no stream_options"),
                    (ConformanceVerdict.Skipped, (string?)"the spec's CreateCompletionRequest has no stream_options"),
                }));
            var toolCall = report.Checks.Single(c => c.Name == "createChatCompletion / probe: tool call");
            Assert.That((toolCall.Streamed, toolCall.Chunks, toolCall.Verdict), Is.EqualTo((true, (int?)2, ConformanceVerdict.Pass)));
            Assert.That(report.Checks.Where(c => c.Title.StartsWith("probe: invalid request", StringComparison.Ordinal)).Select(c => (c.StatusCode, c.Verdict)),
                Is.All.EqualTo(((int?)400, ConformanceVerdict.Pass)));
            Assert.That(report.Succeeded, Is.True);
            Assert.That(report.Summary, Is.EqualTo("13 checks: 10 PASS, 0 DEPARTS, 0 FAIL, 3 SKIP"));
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
            // The fake server streams its example as written, which has no usage chunk.
            Assert.That(usage.Verdict, Is.EqualTo(ConformanceVerdict.Departs));
            Assert.That(usage.Departures.Select(d => d.ToString()), Is.EqualTo(new[] { "$: no chunk carries usage, though stream_options.include_usage was asked" }));
        });
    }
}
