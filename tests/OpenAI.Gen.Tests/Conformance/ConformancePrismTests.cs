using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>
/// Stoplight Prism mocking the committed spec with random answers: a server this project did not write. Prism only
/// serves the media types the spec declares (application/json), so it refuses streams with 406.
/// </summary>
public class ConformancePrismTests
{
    [Test]
    public async Task Prisms_random_answers_come_out_PASS_or_DEPARTS_with_paths_and_its_refusals_FAIL_with_reasons()
    {
        using var prism = await PrismServer.StartAsync(Repo.Spec, dynamic: true, TimeSpan.FromSeconds(90));

        // Prism enforces the spec's bearer security scheme: a key is needed.
        var report = await new ConformanceRunner(new ConformanceOptions(prism.BaseUrl) { ApiKey = "sk-prism", Model = "gpt-4o", Timeout = TimeSpan.FromSeconds(30) }).RunAsync();

        var text = new StringWriter();
        report.WriteText(text);
        TestContext.Out.WriteLine(text);
        var whole = report.Checks.Where(c => !c.IsProbe && !c.Streamed).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(whole, Has.Count.EqualTo(SpecDocument.Embedded.Examples.Count(e => e.Request != null && !e.Title.Contains("Stream", StringComparison.Ordinal))));
            Assert.That(whole.Select(c => c.Verdict), Is.All.AnyOf(ConformanceVerdict.Pass, ConformanceVerdict.Departs), text.ToString());
            Assert.That(whole.Where(c => c.Verdict == ConformanceVerdict.Departs).SelectMany(c => c.Departures).Select(d => d.Path), Is.All.StartWith("$"));
            Assert.That(whole.Select(c => c.StatusCode), Is.All.EqualTo(200));
            Assert.That(report.Checks.Where(c => c.Streamed && c.Verdict != ConformanceVerdict.Skipped).Select(c => (c.Verdict, c.StatusCode)), Is.All.EqualTo((ConformanceVerdict.Fail, (int?)406)));
            Assert.That(report.Checks.Where(c => c.Streamed && c.Verdict != ConformanceVerdict.Skipped).Select(c => c.Reason), Is.All.StartWith("HTTP 406: "));

            // Prism's own 422 (application/problem+json) is an error this client reads, but not of the OpenAI shape.
            var invalidChat = report.Checks.Single(c => c.Operation == "createChatCompletion" && c.Title.StartsWith("probe: invalid", StringComparison.Ordinal));
            Assert.That((invalidChat.Verdict, invalidChat.StatusCode), Is.EqualTo((ConformanceVerdict.Departs, (int?)422)));
            Assert.That(invalidChat.Departures.Single().ToString(), Does.StartWith("$.error missing: the body is not an OpenAI error object: {\"type\":\"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY\""));
            Assert.That(invalidChat.Headers["Content-Type"], Does.StartWith("application/problem+json"));
        });
    }
}
