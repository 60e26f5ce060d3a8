using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>
/// The compatibility corpus (tests/OpenAI.Gen.Tests/Compatibility, answers shaped like those of Azure OpenAI, Ollama,
/// vLLM, …) replayed by a loopback server to the conformance runner: what this client reads comes out PASS or DEPARTS
/// (with paths), an error answer FAILs the examples with the server's message and is judged on the invalid probe.
/// </summary>
public class CompatibilityCorpusReplayTests
{
    private static readonly string Corpus = Path.Combine(Repo.Root, "tests", "OpenAI.Gen.Tests", "Compatibility");

    public static IEnumerable<TestCaseData> Cases()
    {
        var index = Path.Combine(Corpus, "index.json");
        if (!File.Exists(index))
        {
            yield return new TestCaseData(null).SetName("Compatibility corpus absent");
            yield break;
        }

        foreach (var item in (JArray)JObject.Parse(File.ReadAllText(index))["cases"]!)
        {
            yield return new TestCaseData((JObject)item).SetName("Corpus " + (string?)item["name"]);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Each_case_is_judged_with_reasons(JObject? item)
    {
        if (item == null)
        {
            Assert.Ignore($"no compatibility corpus in {Corpus} (it comes with the lenient reading of real servers)");
        }

        var answer = (JObject)item["answer"]!;
        var status = (int)answer["status"]!;
        var body = File.ReadAllText(Path.Combine(Corpus, (string)answer["body"]!));
        await using var server = await LoopbackKestrel.StartAsync(
            async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = (string)answer["contentType"]!;
                foreach (var header in (answer["headers"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                {
                    context.Response.Headers[header.Name] = (string?)header.Value;
                }

                await context.Response.WriteAsync(body);
            },
            TimeSpan.FromSeconds(1));

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Only = "createChatCompletion", Timeout = TimeSpan.FromSeconds(20) }).RunAsync();

        var text = new StringWriter();
        report.WriteText(text);
        var streamed = (bool)item["stream"]!;
        var examples = report.Checks.Where(c => !c.IsProbe && c.Streamed == streamed).ToList();
        var invalid = report.Checks.Single(c => c.Title.StartsWith("probe: invalid request", StringComparison.Ordinal));
        var error = item["expect"]!["error"] as JObject;
        var message = (string?)(error?["message"] ?? error?["messageStartsWith"] ?? error?["messageContains"]);
        Assert.Multiple(() =>
        {
            Assert.That(examples, Is.Not.Empty);
            if (error == null)
            {
                // Read by this client: never a FAIL; every departure has a path in the answer.
                Assert.That(examples.Select(c => c.Verdict), Is.All.AnyOf(ConformanceVerdict.Pass, ConformanceVerdict.Departs), text.ToString());
                Assert.That(examples.SelectMany(c => c.Departures).Select(d => d.Path), Is.All.StartWith("$"));
            }
            else
            {
                // An error where an answer was asked for: FAIL, saying what the server said.
                Assert.That(examples.Select(c => c.Verdict), Is.All.EqualTo(ConformanceVerdict.Fail), text.ToString());
                Assert.That(examples.Select(c => c.Reason), Is.All.Contain(message), text.ToString());
            }

            if (status is >= 400 and < 500)
            {
                Assert.That(invalid.Verdict, Is.AnyOf(ConformanceVerdict.Pass, ConformanceVerdict.Departs), text.ToString());
                Assert.That(invalid.Reason, Does.Contain(message));
            }
            else if (status >= 500)
            {
                Assert.That(invalid.Departures.Select(d => d.Code), Does.Contain("ErrorStatus"), text.ToString());
            }
            else
            {
                Assert.That(invalid.Verdict, Is.EqualTo(ConformanceVerdict.Fail), text.ToString());
            }
        });

        if ((string?)item["name"] == "Azure/stream")
        {
            // Azure's first chunk: no choices, and empty id, model and object.
            Assert.That(examples.SelectMany(c => c.Departures).Select(d => d.ToString()), Does.Contain("chunk 1: $.object: \"\" is not one of chat.completion.chunk"));
        }

        TestContext.Out.WriteLine(text);
    }
}
