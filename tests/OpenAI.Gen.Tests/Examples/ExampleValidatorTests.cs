using System.IO;
using System.Linq;
using Newtonsoft.Json;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

public class ExampleValidatorTests
{
    private const string GoodCurl = "curl https://example.invalid/things \\\n  -d '{\"name\": \"a\"}'";

    [Test]
    public void A_deliberately_broken_spec_example_fails_both_the_schema_and_the_DTO_round_trip()
    {
        // "created" of the example answers (the Default chat response among them) turned into a string: the schema wants
        // an integer, and the DTO reads the string as a number and writes a number back, so the round trip changes it.
        var created = (long)SpecExamples.DefaultChat["created"]!;
        var text = File.ReadAllText(Repo.Spec);
        Assert.That(text, Does.Contain($"\"created\": {created},"));
        var broken = text.Replace($"\"created\": {created},", $"\"created\": \"{created}\",");
        var spec = SpecDocument.Parse(broken, "broken.yaml");

        var result = new ExampleValidator(spec, RepoExamples.Options()).Validate(spec.Part("createChatCompletion / Default / response"));

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(result.RoundTrip, Is.EqualTo(CheckOutcome.Failed));
        // The one schema finding that fails: a spec's allowed findings (2024-08-23: the missing refusal) are listed too.
        var schema = result.Findings.Single(f => f.Category == FindingCategory.Schema && f.IsFailure(strict: false));
        Assert.That(schema.Code, Is.EqualTo("IntegerExpected"));
        Assert.That(schema.Path, Is.EqualTo("#/created"));
        var roundTrip = result.Findings.Single(f => f.Category == FindingCategory.RoundTrip);
        Assert.That(roundTrip.Code, Is.EqualTo(RoundTripCodes.Changed));
        Assert.That(roundTrip.Path, Is.EqualTo("#/created"));
        Assert.That(broken.Split('\n')[schema.Location.Line - 1], Does.Contain($"\"created\": \"{created}\""));
    }

    [Test]
    public void An_example_that_no_longer_matches_its_DTO_fails_the_round_trip_naming_each_lost_member()
    {
        var options = RepoExamples.Options();
        options.DtoResolver = name => name == "CreateChatCompletionResponse" ? typeof(LossyChatResponse) : typeof(OpenAIClient).Assembly.GetType("OpenAI.Gen." + name);

        var result = new ExampleValidator(RepoExamples.Spec, options).Validate(RepoExamples.Spec.Part("createChatCompletion / Functions / response"));

        // The schema check does not involve the DTO: its outcome is the one of the real DTO (the seed: Passed).
        var real = new ExampleValidator(RepoExamples.Spec, RepoExamples.Options()).Validate(RepoExamples.Spec.Part("createChatCompletion / Functions / response"));
        Assert.That(real.Passed, Is.True, real.ToString());
        Assert.That(result.Schema, Is.EqualTo(real.Schema));
        Assert.That(result.RoundTrip, Is.EqualTo(CheckOutcome.Failed));
        Assert.That(result.Passed, Is.False);
        var lost = result.Findings.Where(f => f.Code == RoundTripCodes.Lost).Select(f => f.Path).ToList();
        Assert.That(lost, Is.EquivalentTo(new[] { "#/object", "#/created", "#/model", "#/choices", "#/usage" }));
    }

    [Test]
    public void A_clean_example_passes_both_checks_with_no_finding()
    {
        var spec = MiniSpec.Parse(GoodCurl, "{\"id\": \"a\", \"count\": 1, \"extra\": [1, 2.5, null]}");
        var report = new ExampleValidator(spec, MiniSpec.Options()).ValidateAll();

        Assert.That(report.Results.Select(r => r.Part.Name), Is.EqualTo(new[] { "createThing / Default / request", "createThing / Default / response" }));
        Assert.That(report.Results.SelectMany(r => r.Findings), Is.Empty);
        Assert.That(report.Results.Select(r => (r.Schema, r.RoundTrip)), Is.All.EqualTo((CheckOutcome.Passed, CheckOutcome.Passed)));
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void Trailing_and_missing_commas_are_repaired_and_each_reported_with_its_location()
    {
        var spec = MiniSpec.Parse(GoodCurl, "{\n  \"id\": \"a\"\n  \"count\": 1,\n}");
        var part = spec.Part("createThing / Default / response");

        var lenient = new ExampleValidator(spec, MiniSpec.Options()).Validate(part);
        var strict = new ExampleValidator(spec, MiniSpec.Options(strict: true)).Validate(part);

        Assert.That(lenient.Defects.Select(d => (d.Code, d.Location.TextLine, d.Location.TextColumn, d.Repaired)), Is.EqualTo(new[]
        {
            (DefectCodes.MissingComma, 3, 3, true),
            (DefectCodes.TrailingComma, 3, 13, true),
        }));
        var lines = MiniSpec.Yaml(GoodCurl, "{\n  \"id\": \"a\"\n  \"count\": 1,\n}").Split('\n');
        var trailing = lenient.Defects.Last().Location;
        Assert.That(lines[trailing.Line - 1][trailing.Column - 1], Is.EqualTo(','), "the file location points at the comma");
        Assert.That(lenient.Passed, Is.True);
        Assert.That(lenient.Schema, Is.EqualTo(CheckOutcome.Passed));
        Assert.That(strict.Passed, Is.False, "strict mode turns repaired defects into failures");
    }

    [Test]
    public void Json_lines_with_an_elision_line_are_split_and_every_chunk_is_checked()
    {
        var spec = MiniSpec.Parse(GoodCurl, "{\"id\": \"a\", \"count\": 1}\n\n....\n\n{\"id\": \"b\", \"count\": \"two\"}");
        var result = new ExampleValidator(spec, MiniSpec.Options()).Validate(spec.Part("createThing / Default / response"));

        Assert.That(result.Values, Has.Count.EqualTo(2));
        Assert.That(result.Defects.Single().Code, Is.EqualTo(DefectCodes.ElisionLine));
        Assert.That(result.Defects.Single().Location.TextLine, Is.EqualTo(3));
        // The one schema finding that fails: a spec's allowed findings (2024-08-23: the missing refusal) are listed too.
        var schema = result.Findings.Single(f => f.Category == FindingCategory.Schema && f.IsFailure(strict: false));
        Assert.That((schema.Code, schema.Chunk, schema.Path), Is.EqualTo(("IntegerExpected", (int?)2, "#/count")));
        Assert.That(schema.Location.TextLine, Is.EqualTo(5));
        var roundTrip = result.Findings.Single(f => f.Category == FindingCategory.RoundTrip);
        Assert.That((roundTrip.Code, roundTrip.Chunk, roundTrip.Path), Is.EqualTo((RoundTripCodes.DeserializationFailed, (int?)2, "#/count")));
        Assert.That(result.Passed, Is.False);
    }

    [Test]
    public void Text_that_is_not_JSON_is_a_defect_with_its_location_and_nothing_is_checked()
    {
        var spec = MiniSpec.Parse(GoodCurl, "{\"id\": \"a\",\n  count: 1}");
        var result = new ExampleValidator(spec, MiniSpec.Options()).Validate(spec.Part("createThing / Default / response"));

        var defect = result.Defects.Single();
        Assert.That(defect.Code, Is.EqualTo(DefectCodes.NotJson));
        Assert.That(defect.Repaired, Is.False);
        Assert.That((defect.Location.TextLine, defect.Location.TextColumn), Is.EqualTo((2, 3)));
        Assert.That(defect.Message, Does.Contain("member name"));
        Assert.That((result.Schema, result.RoundTrip), Is.EqualTo((CheckOutcome.NotRun, CheckOutcome.NotRun)));
        Assert.That(result.Passed, Is.False);
    }

    [Test]
    public void Prose_instead_of_JSON_is_reported_not_thrown()
    {
        var spec = MiniSpec.Parse(GoodCurl, "Returns a thing.");
        var result = new ExampleValidator(spec, MiniSpec.Options()).Validate(spec.Part("createThing / Default / response"));

        Assert.That(result.Defects.Single().Code, Is.EqualTo(DefectCodes.NotJson));
        Assert.That(result.Defects.Single().Location.ToString(), Does.StartWith("mini.yaml:"));
    }

    [Test]
    public void A_curl_snippet_without_a_body_is_a_defect_not_an_exception()
    {
        var spec = MiniSpec.Parse("curl https://example.invalid/things -H \"Authorization: Bearer $KEY\"", "{\"id\": \"a\", \"count\": 1}");
        var result = new ExampleValidator(spec, MiniSpec.Options()).Validate(spec.Part("createThing / Default / request"));

        Assert.That(result.Defects.Single().Code, Is.EqualTo(DefectCodes.MissingCurlBody));
        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.NotRun));
        Assert.That(result.Passed, Is.False);
    }

    [Test]
    public void An_example_without_curl_is_a_missing_body_defect()
    {
        var spec = MiniSpec.Parse(null, "{\"id\": \"a\", \"count\": 1}");
        var result = new ExampleValidator(spec, MiniSpec.Options()).Validate(spec.Part("createThing / Default / request"));

        Assert.That(result.Defects.Single().Code, Is.EqualTo(DefectCodes.MissingCurlBody));
    }

    [Test]
    public void A_shell_escaped_quote_in_the_curl_body_is_read_as_a_quote()
    {
        var spec = MiniSpec.Parse(MiniSpec.Curl("{\"name\": \"it'\\''s\"}"), "{\"id\": \"a\", \"count\": 1}");
        var result = new ExampleValidator(spec, MiniSpec.Options()).Validate(spec.Part("createThing / Default / request"));

        Assert.That((string?)result.Values.Single()["name"], Is.EqualTo("it's"));
        Assert.That(result.Passed, Is.True, result.ToString());
    }

    [Test]
    public void A_spec_without_x_oaiMeta_yields_no_parts_and_says_so()
    {
        var yaml = MiniSpec.Yaml(GoodCurl, "{}");
        var spec = SpecDocument.Parse(yaml.Substring(0, yaml.IndexOf("      x-oaiMeta:", System.StringComparison.Ordinal)) + yaml.Substring(yaml.IndexOf("components:", System.StringComparison.Ordinal)), "bare.yaml");
        var report = new ExampleValidator(spec).ValidateAll();

        Assert.That(spec.Examples, Is.Empty);
        Assert.That(report.Results, Is.Empty);
        Assert.That(report.Notes.Single(), Does.Contain("no x-oaiMeta examples"));
    }

    [Test]
    public void An_allowance_accepts_its_finding_in_lenient_mode_only_and_a_stale_one_fails_the_report()
    {
        var allowance = new ExampleAllowance("createThing / Default / response", "IntegerExpected", "#/count", "the API sends a string here");
        var stale = new ExampleAllowance("createThing / Default / request", "StringExpected", null, "fixed long ago");
        var spec = MiniSpec.Parse(GoodCurl, "{\"id\": \"a\", \"count\": \"1\"}");

        var lenient = new ExampleValidator(spec, MiniSpec.Options(false, allowance, stale)).ValidateAll();
        var strict = new ExampleValidator(spec, MiniSpec.Options(true, allowance)).ValidateAll();

        var response = lenient.Results.Single(r => r.Part.Kind == ExamplePartKind.Response);
        Assert.That(response.Schema, Is.EqualTo(CheckOutcome.Allowed));
        Assert.That(response.Findings.Single(f => f.Category == FindingCategory.Schema).AllowedBecause, Is.EqualTo("the API sends a string here"));
        Assert.That(lenient.UnusedAllowances, Is.EqualTo(new[] { stale }));
        Assert.That(lenient.Passed, Is.False, "a stale allowance fails the report");
        Assert.That(strict.Results.Single(r => r.Part.Kind == ExamplePartKind.Response).Passed, Is.False);
    }

    [Test]
    public void The_report_json_has_one_entry_per_part_with_outcomes_and_located_findings()
    {
        var spec = MiniSpec.Parse(GoodCurl, "{\"id\": \"a\", \"count\": 1,}");
        var json = Newtonsoft.Json.Linq.JObject.Parse(new ExampleValidator(spec, MiniSpec.Options()).ValidateAll().ToJson());

        var response = json["parts"]![1]!;
        Assert.That((string?)response["name"], Is.EqualTo("createThing / Default / response"));
        Assert.That((string?)response["schemaValid"], Is.EqualTo("Passed"));
        Assert.That((string?)response["defects"]![0], Is.EqualTo(DefectCodes.TrailingComma));
        Assert.That((int?)response["findings"]![0]!["location"]!["line"], Is.GreaterThan(0));
        Assert.That((bool?)json["passed"], Is.True);
    }

    [Test]
    public void Locations_in_the_committed_spec_point_at_the_defect()
    {
        var result = new ExampleValidator(RepoExamples.Spec, RepoExamples.Options()).Validate(RepoExamples.Spec.Part("createCompletion / Streaming / response"));
        var lines = File.ReadAllLines(Repo.Spec);

        var missing = result.Defects.Single(d => d.Code == DefectCodes.MissingComma).Location;
        var trailing = result.Defects.Single(d => d.Code == DefectCodes.TrailingComma).Location;
        Assert.That(lines[missing.Line - 1].Substring(missing.Column - 1), Does.StartWith("\"system_fingerprint\""));
        Assert.That(lines[trailing.Line - 1][trailing.Column - 1], Is.EqualTo(','));
        Assert.That(trailing.Pointer, Is.EqualTo("/paths/~1completions/post/x-oaiMeta/examples/1/response"));
    }

    [Test]
    public void Bad_allowance_files_and_bad_specs_are_typed_errors_naming_the_place()
    {
        var noReason = Assert.Throws<InvalidDataException>(() => ExampleAllowance.Parse("[{\"example\": \"a / b / c\", \"code\": \"X\"}]", "allow.json"))!;
        Assert.That(noReason.Message, Does.Contain("allow.json").And.Contain("allowance 1").And.Contain("'reason'"));

        var notYaml = Assert.Throws<SpecLoadException>(() => SpecDocument.Parse("paths: [\n  a: {", "bad.yaml"))!;
        Assert.That(notYaml.Line, Is.GreaterThan(0));
        Assert.That(notYaml.Message, Does.StartWith("bad.yaml:"));

        Assert.Throws<SpecLoadException>(() => SpecDocument.Load(Path.Combine(Repo.Root, "no-such-spec.yaml")));
    }

    /// <summary>A DTO that has fallen behind the spec: it knows only the id.</summary>
    public sealed class LossyChatResponse
    {
        /// <summary>id.</summary>
        [JsonProperty("id")]
        public string Id { get; set; } = string.Empty;
    }
}
