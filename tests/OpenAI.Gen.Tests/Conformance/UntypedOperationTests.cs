using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Examples;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>
/// An operation the client has no typed method for (a wider spec than the client's, here the mini spec's createThing):
/// its answers are read as the client reads answers, leniently, and its error answers by the client's core.
/// </summary>
public class UntypedOperationTests
{
    [Test]
    public async Task Its_answer_is_read_leniently_and_its_error_answer_reported_as_the_client_reports_errors()
    {
        // The spec's own answer breaks its schema with a null where a string is required: a departure, which the client reads.
        var spec = MiniSpec.Parse(MiniSpec.Curl("""{"name": "a"}"""), """{"id": null, "count": 3}""");
        await using var server = await HandlerHost.StartAsync(new SpecExampleHandler(spec));
        var options = new ConformanceOptions(server.BaseUrl) { Spec = spec, Validation = MiniSpec.Options(), Timeout = TimeSpan.FromSeconds(20) };

        var report = await new ConformanceRunner(options).RunAsync();

        var example = report.Checks.Single(c => c.Title == "Default");
        var invalid = report.Checks.Single(c => c.Title.StartsWith("probe: invalid request", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(example.Verdict, Is.EqualTo(ConformanceVerdict.Departs), example.ToString());
            Assert.That(example.Departures.Select(d => d.Path), Is.EqualTo(new[] { "$.id" }));
            Assert.That(example.Reason ?? string.Empty, Does.Not.Contain("cannot read"));
            Assert.That((invalid.StatusCode, invalid.Verdict), Is.EqualTo(((int?)400, ConformanceVerdict.Pass)), invalid.ToString());
        });
    }
}
