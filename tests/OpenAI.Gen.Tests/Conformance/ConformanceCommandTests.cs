using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Cli.Commands;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;
using static OpenAI.Gen.Tests.Cli.CliRun;

namespace OpenAI.Gen.Tests.Conformance;

public class ConformanceCommandTests
{
    [Test]
    public async Task Against_the_fake_server_it_prints_a_line_per_check_and_the_totals_writes_the_json_report_and_exits_0()
    {
        await using var server = await HandlerHost.StartAsync(new SpecExampleHandler());
        var streamedChunks = await FakeServerChunks(server.BaseUrl, "/chat/completions", "Streaming");
        var allowances = FakeServerExpectations.ResponseAllowances(ExampleAllowanceFile.Load(Path.Combine(Repo.Root, "openapi", "example-allowances.json")).Allowances);
        var json = Path.Combine(Path.GetTempPath(), "openai-gen-conformance-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (exit, output, error) = await Run(new ConformanceCommand(), new[]
            {
                "--base-url", server.BaseUrl.ToString(), "--api-key", "sk-cli-secret", "--model", "gpt-4o-mini",
                "--spec", Repo.Spec, "--json", json, "--timeout", "20",
            }, new StringWriter());

            var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            var report = JObject.Parse(File.ReadAllText(json));
            var checks = (JArray)report["checks"]!;
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(0), output + error);
                Assert.That(lines[0], Is.EqualTo($"conformance of {server.BaseUrl} (spec {Repo.Spec}, model gpt-4o-mini, api key set)"));
                // With --spec, the allowances beside it are read: the spec's own example findings pass as allowed.
                Assert.That(lines[^1], Is.EqualTo(FakeServerExpectations.Summary));
                Assert.That(lines.Count(l => l.StartsWith("PASS    ", StringComparison.Ordinal)), Is.EqualTo(checks.Count(c => (string?)c["verdict"] == "PASS")).And.GreaterThan(0));
                Assert.That(output, Does.Contain($"PASS    createChatCompletion / Streaming  200  {streamedChunks} chunks, first after "));
                Assert.That(output + error + File.ReadAllText(json), Does.Not.Contain("sk-cli-secret"));

                Assert.That((int)report["summary"]!["checks"]!, Is.EqualTo(checks.Count));
                Assert.That((string?)report["model"], Is.EqualTo("gpt-4o-mini"));
                var streaming = checks.Single(c => (string?)c["name"] == "createChatCompletion / Streaming");
                Assert.That((string?)streaming["verdict"], Is.EqualTo("PASS"));
                Assert.That((bool?)streaming["request"]!["stream"], Is.True);
                Assert.That((string?)streaming["request"]!["body"]!["model"], Is.EqualTo("gpt-4o-mini"));
                Assert.That((int?)streaming["status"], Is.EqualTo(200));
                Assert.That((string?)streaming["headers"]!["content-type"], Does.StartWith("text/event-stream"));
                Assert.That((string?)streaming["headers"]!["x-request-id"], Does.StartWith("req_fake_"));
                Assert.That((double?)streaming["timings"]!["firstChunkMs"], Is.GreaterThanOrEqualTo(0));
                Assert.That((double?)streaming["timings"]!["totalMs"], Is.GreaterThanOrEqualTo((double)streaming["timings"]!["firstChunkMs"]!));
                Assert.That((int?)streaming["chunks"], Is.EqualTo(streamedChunks));
                // The spec's own example findings are the only departures, each with its reviewed reason.
                Assert.That(
                    checks.Where(c => !(bool)c["probe"]!).SelectMany(c => ((JArray)c["departures"]!).Select(d => ((string?)c["name"] + " / response", (string?)d["path"], (string?)d["allowedBecause"]))).Distinct(),
                    Is.EquivalentTo(allowances.Where(a => a.Path != null).Select(a => ((string?)a.Example, (string?)("$." + a.Path!.TrimStart('#', '/')), (string?)a.Reason)).Distinct()));
            });
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>How many chunks the fake server streams for the request of example <paramref name="title"/> of <paramref name="path"/>.</summary>
    private static async Task<int> FakeServerChunks(Uri baseUrl, string path, string title)
    {
        using var http = new System.Net.Http.HttpClient();
        var content = new System.Net.Http.StringContent(SpecExamples.RequestBody(path, title), System.Text.Encoding.UTF8, "application/json");
        var events = await (await http.PostAsync(new Uri(baseUrl, path.TrimStart('/')), content)).Content.ReadAsStringAsync();
        return events.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Count(e => e != "data: [DONE]");
    }

    [Test]
    public async Task A_server_that_is_down_exits_1_and_only_limits_to_the_operation_asked()
    {
        var port = FreePort.Find();

        var (exit, output, _) = await Run(new ConformanceCommand(), new[] { "--base-url", $"http://127.0.0.1:{port}/v1", "--only", "createCompletion", "--timeout", "5" }, new StringWriter());

        var checks = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(checks, Is.Not.Empty.And.All.Contain("createCompletion / "));
            Assert.That(checks.Where(l => !l.StartsWith("SKIP", StringComparison.Ordinal)), Is.All.StartWith("FAIL    ").And.All.Contain(": no answer: "));
        });
    }

    [Test]
    public async Task Allowances_reviewed_for_another_spec_are_refused()
    {
        var allow = Path.Combine(Path.GetTempPath(), "openai-gen-allow-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(allow, """{"spec": "sha256:0000", "allowances": []}""");
        try
        {
            var (exit, output, error) = await Run(new ConformanceCommand(), new[] { "--base-url", "http://127.0.0.1:1", "--allow", allow }, new StringWriter());

            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.StartWith($"{allow}: these allowances were reviewed for another spec (sha256:0000, this one is sha256:"));
            Assert.That(output, Is.Empty, "nothing is sent");
        }
        finally
        {
            File.Delete(allow);
        }
    }

    [TestCase(new string[0], "--base-url is required")]
    [TestCase(new[] { "--base-url", "ftp://x" }, "--base-url needs an absolute http(s) URL, got 'ftp://x'")]
    [TestCase(new[] { "--base-url", "http://127.0.0.1:1", "--timeout", "0" }, "--timeout needs a positive number of seconds, got '0'")]
    [TestCase(new[] { "--base-url", "http://127.0.0.1:1", "--colour" }, "--colour needs a value")]
    [TestCase(new[] { "--base-url", "http://127.0.0.1:1", "--colour", "red" }, "unknown option '--colour'")]
    [TestCase(new[] { "--base-url", "http://127.0.0.1:1", "--only", "noSuchOperation" }, "no operation 'noSuchOperation' with request examples in openai.yaml (embedded)")]
    public async Task Bad_usage_exits_2_saying_what_is_wrong(string[] args, string problem)
    {
        var (exit, _, error) = await Run(new ConformanceCommand(), args, new StringWriter());

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error.Split(Environment.NewLine)[0], Is.EqualTo(problem));
    }
}
