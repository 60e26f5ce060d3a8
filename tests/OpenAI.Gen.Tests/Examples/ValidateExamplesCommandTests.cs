using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Cli.Commands;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

public class ValidateExamplesCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new ValidateExamplesCommand().RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    // A cut (spec.yaml), its allowances, the upstream spec it came from and the folder of reviewed files, in dir.
    private sealed record CutOfSource(string Spec, string Allowances, string Source, string Folder)
    {
        public static CutOfSource In(DirectoryInfo dir) => new(
            Path.Combine(dir.FullName, "spec.yaml"),
            Path.Combine(dir.FullName, ValidateExamplesCommand.DefaultAllowancesFile),
            Path.Combine(dir.FullName, "upstream.yaml"),
            Directory.CreateDirectory(Path.Combine(dir.FullName, ValidateExamplesCommand.ReviewedFolder)).FullName);
    }

    [Test]
    public async Task The_committed_spec_passes_with_its_allowances_and_the_json_report_has_a_row_per_part()
    {
        var json = Path.Combine(Path.GetTempPath(), "openai-gen-report-" + System.Guid.NewGuid().ToString("N") + ".json");
        try
        {
            // The committed allowances are the command's default (beside the spec).
            var (exit, output, _) = await Run(Repo.Spec, "--json", json);

            Assert.That(exit, Is.EqualTo(0), output);
            Assert.That(output, Does.Contain("operation").And.Contain("schema-valid").And.Contain("DTO round-trip").And.Contain("defects"));
            Assert.That(output, Does.Contain($"{Path.GetFileName(RepoExamples.AllowancesFile)} ({RepoExamples.Allowances.Count})"));
            Assert.That(output, Does.Match(@"createCompletion\s+Streaming\s+response\s+allowed\s+yes\s+MissingComma, TrailingComma"));
            var report = JObject.Parse(File.ReadAllText(json));
            Assert.That(((JArray)report["parts"]!).Count, Is.EqualTo(RepoExamples.Spec.Parts.Count()));
            Assert.That((bool?)report["passed"], Is.True);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Test]
    public async Task Strict_mode_exits_1()
    {
        var (exit, output, _) = await Run(Repo.Spec, "--strict");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("FAIL TrailingComma"));
    }

    [Test]
    public async Task A_failing_example_exits_1_and_names_it()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "openai-gen-" + System.Guid.NewGuid().ToString("N")));
        try
        {
            var spec = Path.Combine(dir.FullName, "spec.yaml");
            File.WriteAllText(spec, MiniSpec.Yaml(MiniSpec.Curl("{\"name\": 5}"), "{\"id\": \"a\", \"count\": 1}"));

            var (exit, output, _) = await Run(spec);

            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain("allowances: none"));
            Assert.That(output, Does.Contain("createThing / Default / request: FAILED"));
            Assert.That(output, Does.Contain("StringExpected #/name"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Propose_writes_the_spec_s_allowances_which_then_apply_to_that_spec_only()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "openai-gen-" + System.Guid.NewGuid().ToString("N")));
        try
        {
            var spec = Path.Combine(dir.FullName, "spec.yaml");
            var allowances = Path.Combine(dir.FullName, ValidateExamplesCommand.DefaultAllowancesFile);
            File.WriteAllText(spec, MiniSpec.Yaml(MiniSpec.Curl("{\"name\": 5}"), "{\"id\": \"a\", \"count\": 1}"));

            var (proposeExit, proposeOutput, _) = await Run(spec, "--propose", allowances);
            var proposed = JObject.Parse(File.ReadAllText(allowances));
            var entries = (JArray)proposed["allowances"]!;
            var entry = (JObject)entries.Single(e => (string?)e["category"] == "Schema");
            File.WriteAllText(allowances, File.ReadAllText(allowances).Replace((string)entry["reason"]!, "Reviewed: the server takes a number here."));
            var (again, _, _) = await Run(spec, "--propose", allowances);
            var reviewed = ExampleAllowanceFile.Load(allowances);
            var (exit, output, _) = await Run(spec);
            File.AppendAllText(spec, "# an edit after the review\n");
            var (stale, _, staleError) = await Run(spec);

            Assert.Multiple(() =>
            {
                Assert.That(proposeExit, Is.EqualTo(0), proposeOutput);
                Assert.That(proposeOutput, Does.Contain($"{entries.Count} allowance(s)").And.Contain($"{entries.Count} new"));
                Assert.That((string?)proposed["spec"], Is.EqualTo(ExampleAllowanceFile.DigestOf(MiniSpec.Yaml(MiniSpec.Curl("{\"name\": 5}"), "{\"id\": \"a\", \"count\": 1}"))));
                Assert.That((string?)entry["example"], Is.EqualTo("createThing / Default / request"));
                Assert.That((string?)entry["code"], Is.EqualTo("StringExpected"));
                Assert.That((string?)entry["category"], Is.EqualTo("Schema"));
                Assert.That((string?)entry["path"], Is.EqualTo("#/name"));
                Assert.That((string?)entry["location"], Does.Match(@"^spec\.yaml:\d+$"));
                Assert.That((string?)entry["reason"], Does.StartWith(ExampleAllowanceFile.ProposedReason));
                Assert.That(again, Is.EqualTo(0));
                Assert.That(reviewed.Allowances.Single(a => a.Category == FindingCategory.Schema).Reason, Is.EqualTo("Reviewed: the server takes a number here."), "a reviewed reason is kept");
                Assert.That(reviewed.Allowances.Where(a => a.Category != FindingCategory.Schema).Select(a => a.Reason), Has.All.StartWith(ExampleAllowanceFile.ProposedReason));
                Assert.That(exit, Is.EqualTo(0), output);
                Assert.That(output, Does.Contain("allowed"));
                Assert.That(stale, Is.EqualTo(2));
                Assert.That(staleError, Does.Contain("reviewed for another spec").And.Contain("--propose"));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task With_the_reviewed_file_of_its_source_spec_only_reviewed_findings_are_allowed_and_the_rest_fail()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "openai-gen-" + System.Guid.NewGuid().ToString("N")));
        try
        {
            var (spec, allowances, source, folder) = CutOfSource.In(dir);
            File.WriteAllText(spec, MiniSpec.Yaml(MiniSpec.Curl("{\"name\": 5}"), "{\"id\": \"a\", \"count\": 1}"));
            File.WriteAllText(source, "the upstream spec the cut came from\n");
            File.WriteAllText(Path.Combine(folder, "another.json"), new ExampleAllowanceFile(ExampleAllowanceFile.DigestOf("another spec"), new[]
            {
                new ExampleAllowance("createThing / Default / response", "NoDtoType", null, "Reviewed for another spec"),
            }).ToJson());
            var upstream = Path.Combine(folder, "upstream.json");
            File.WriteAllText(upstream, new ExampleAllowanceFile(ExampleAllowanceFile.DigestOf(File.ReadAllText(source)), new[]
            {
                new ExampleAllowance("createThing / Default / request", "StringExpected", "#/name", "Reviewed: the server takes a number here."),
                new ExampleAllowance("listThings / Default / response", "PropertyRequired", "#/id", "Reviewed: an operation this cut leaves out."),
            }, new[] { "createThing", "listThings" }).ToJson());

            var (proposeExit, proposeOutput, _) = await Run(spec, "--propose", allowances, "--source", source);
            var written = ExampleAllowanceFile.Load(allowances);
            var (exit, output, _) = await Run(spec);
            File.WriteAllText(upstream, File.ReadAllText(upstream).Replace("Reviewed: the server", ExampleAllowanceFile.ProposedReason + "the server"));
            var (unreviewedExit, _, unreviewedError) = await Run(spec, "--propose", allowances, "--source", source);
            File.WriteAllText(source, "another upstream spec\n");
            var (noneExit, noneOutput, _) = await Run(spec, "--propose", allowances, "--source", source);

            Assert.Multiple(() =>
            {
                Assert.That(proposeExit, Is.EqualTo(0), proposeOutput);
                Assert.That(written.AppliesTo(File.ReadAllText(spec)), Is.True, "the written file is tied to the cut, as always");
                Assert.That(written.Allowances.Select(a => (a.Example, a.Code, a.Reason)), Is.EqualTo(new[]
                {
                    ("createThing / Default / request", "StringExpected", "Reviewed: the server takes a number here."),
                }));
                Assert.That(proposeOutput, Does.Contain("1 reviewed allowance(s) from " + upstream));
                Assert.That(proposeOutput, Does.Contain("not reviewed: createThing / Default / response").And.Contain("NoDtoType"));
                Assert.That(exit, Is.EqualTo(1), "the findings the reviewed file does not cover fail");
                Assert.That(output, Does.Contain("FAIL NoDtoType"));
                Assert.That(unreviewedExit, Is.EqualTo(2));
                Assert.That(unreviewedError, Does.Contain(upstream).And.Contain("proposed reason"));
                Assert.That(noneExit, Is.EqualTo(0), noneOutput);
                Assert.That(noneOutput, Does.Contain("has none for " + source).And.Contain("new (not reviewed yet)"));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_reviewed_file_judges_only_the_examples_it_reviewed_and_the_others_are_proposed()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "openai-gen-" + System.Guid.NewGuid().ToString("N")));
        try
        {
            var (spec, allowances, source, folder) = CutOfSource.In(dir);
            var upstream = Path.Combine(folder, "upstream.json");
            // A wider cut: besides createThing (reviewed), an object example of Thing (not reviewed) that lacks "count".
            File.WriteAllText(spec, MiniSpec.Yaml(MiniSpec.Curl("{\"name\": 5}"), "{\"id\": \"a\", \"count\": 1}")
                .Replace("    Thing:\n      type: object\n", "    Thing:\n      type: object\n      x-oaiMeta:\n        name: The thing object\n        example: |\n          {\"id\": \"b\"}\n"));
            File.WriteAllText(source, "the upstream spec the cut came from\n");
            var digest = ExampleAllowanceFile.DigestOf(File.ReadAllText(source));
            var covered = new ExampleAllowance("createThing / Default / request", "StringExpected", "#/name", "Reviewed: the server takes a number here.");
            async Task<(int ProposeExit, string ProposeOutput, string ProposeError, ExampleAllowanceFile? Written, int Exit, string Output)> Regenerate(ExampleAllowanceFile reviewed)
            {
                File.Delete(allowances);
                File.WriteAllText(upstream, reviewed.ToJson());
                var (proposeExit, proposeOutput, proposeError) = await Run(spec, "--propose", allowances, "--source", source);
                var (exit, output, _) = await Run(spec);
                return (proposeExit, proposeOutput, proposeError, File.Exists(allowances) ? ExampleAllowanceFile.Load(allowances) : null, exit, output);
            }

            var partly = await Regenerate(new ExampleAllowanceFile(digest, new[] { covered }, new[] { "createThing" }));
            var noDto = new[] { "request", "response" }.Select(kind => new ExampleAllowance($"createThing / Default / {kind}", "NoDtoType", null, "Reviewed: no DTO in this test."));
            var fully = await Regenerate(new ExampleAllowanceFile(digest, noDto.Prepend(covered).ToList(), new[] { "createThing" }));
            var unscoped = await Regenerate(new ExampleAllowanceFile(digest, new[] { covered }));
            var outside = await Regenerate(new ExampleAllowanceFile(digest, new[] { covered }, new[] { "listThings" }));

            Assert.Multiple(() =>
            {
                Assert.That(partly.ProposeExit, Is.EqualTo(0), partly.ProposeOutput);
                Assert.That(partly.Written!.Allowances.Where(a => a.Example.StartsWith("createThing", System.StringComparison.Ordinal)).Select(a => (a.Example, a.Code, a.Reason)),
                    Is.EqualTo(new[] { ("createThing / Default / request", "StringExpected", "Reviewed: the server takes a number here.") }), "in scope: only what the file covers, with its reason");
                var proposed = partly.Written!.Allowances.Where(a => a.Example.StartsWith("Thing / ", System.StringComparison.Ordinal)).ToList();
                Assert.That(proposed.Select(a => a.Code), Does.Contain("PropertyRequired"), "out of scope: proposed");
                Assert.That(proposed.Select(a => a.Reason), Has.All.StartWith(ExampleAllowanceFile.ProposedReason));
                Assert.That(partly.ProposeOutput, Does.Contain("1 reviewed allowance(s) from " + upstream).And.Contain($"{proposed.Count} new (not reviewed yet) for examples outside what it reviewed"));
                Assert.That(partly.ProposeOutput, Does.Contain("not reviewed: createThing / Default / response").And.Not.Contain("not reviewed: Thing / "));
                Assert.That(partly.Exit, Is.EqualTo(1), "an in-scope finding the file does not cover fails");
                Assert.That(partly.Output, Does.Contain("createThing / Default / response: FAILED").And.Not.Contain("Thing / The thing object / object: FAILED"));
                Assert.That(fully.Exit, Is.EqualTo(0), "once the reviewed examples are covered, the unreviewed ones do not fail the run: " + fully.Output);
                Assert.That(unscoped.ProposeExit, Is.EqualTo(2));
                Assert.That(unscoped.ProposeError, Does.Contain(upstream).And.Contain("must say what it reviewed"));
                Assert.That(outside.ProposeExit, Is.EqualTo(2));
                Assert.That(outside.ProposeError, Does.Contain("outside what the file reviewed").And.Contain("createThing / Default / request"));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Bad_usage_and_missing_files_exit_2()
    {
        Assert.That((await Run("--bogus")).Exit, Is.EqualTo(2));
        Assert.That((await Run(Repo.Spec, "--json")).Exit, Is.EqualTo(2));
        var missing = await Run(Path.Combine(Repo.Root, "nope.yaml"));
        Assert.That(missing.Exit, Is.EqualTo(2));
        Assert.That(missing.Error, Does.Contain("nope.yaml"));
    }
}
