// The one entry point for people: dotnet tool restore && dotnet cake [--target=<Target>]
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./OpenAI.Gen.sln";
var artifacts = Directory("./artifacts");
// The allowances reviewed for openapi/openai.yaml (the examples' known findings), tied to it by its digest.
const string ExampleAllowancesFile = "openapi/example-allowances.json";
var IndentedJson = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
// Every package this repository ships.
var packages = new[]
{
    "./src/OpenAI.Gen/OpenAI.Gen.csproj",
    "./src/OpenAI.Gen.Testing/OpenAI.Gen.Testing.csproj",
    "./src/OpenAI.Gen.Extensions.DependencyInjection/OpenAI.Gen.Extensions.DependencyInjection.csproj",
    "./src/OpenAI.Gen.Extensions.AI/OpenAI.Gen.Extensions.AI.csproj",
};

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true });
});

Task("Pack")
    .IsDependentOn("Clean")
    .IsDependentOn("Build")
    .Does(() =>
{
    foreach (var project in packages)
    {
        DotNetPack(project, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = true,
            OutputDirectory = artifacts,
        });
    }
});

// Checks every x-oaiMeta example of the spec (schema + DTO round trip); fails on anything not repaired or allowed.
Task("ValidateExamples")
    .Does(() =>
{
    DotNetRun("./samples/OpenAI.Gen.Cli/OpenAI.Gen.Cli.csproj",
        new ProcessArgumentBuilder()
            .Append("validate-examples")
            .AppendQuoted("openapi/openai.yaml")
            .Append("--allow").AppendQuoted(ExampleAllowancesFile)
            .Append("--json").AppendQuoted("artifacts/example-report.json"),
        new DotNetRunSettings { Configuration = configuration });
});

// Writes the allowances for the spec's example findings (tied to the spec by its digest), keeping the reasons already
// reviewed; new findings carry a proposed reason. Review the diff, as for PublicAPI.txt.
Task("ExampleAllowances")
    .IsDependentOn("Build")
    .Does(() =>
{
    ProposeExampleAllowances();
});

// With the upstream spec the cut came from: when openapi/reviewed-allowances/ holds that spec's reviewed file (by its
// digest), the examples it reviewed are allowed only what it covers (the rest fails the tests until reviewed there),
// and the findings of the examples it did not review are proposed.
void ProposeExampleAllowances(string source = null)
{
    var arguments = new ProcessArgumentBuilder().Append("validate-examples").AppendQuoted("openapi/openai.yaml").Append("--propose").AppendQuoted(ExampleAllowancesFile);
    if (source != null)
    {
        arguments.Append("--source").AppendQuoted(source);
    }

    DotNetRun("./samples/OpenAI.Gen.Cli/OpenAI.Gen.Cli.csproj", arguments, new DotNetRunSettings { Configuration = configuration, NoBuild = true });
}

// Writes the public API baseline (src/OpenAI.Gen/PublicAPI.txt) from the built library; review its diff.
Task("ApiBaseline")
    .IsDependentOn("Build")
    .Does(() =>
{
    RefreshApiBaseline();
});

// Imports a new upstream spec: dotnet cake --target=Regenerate --spec=<openapi.yaml>
//   [--operation="POST /chat/completions" --operation=...] [--tag=Chat --tag=...] [--all]   (default: the two POST operations; --all: every operation)
// Cuts it into openapi/openai.yaml, builds every project (which regenerates the client), writes the example allowances
// for it and the public API baseline; then review `git diff openapi/ src/OpenAI.Gen/PublicAPI.txt` and the build's
// OAIGEN warnings, and run the tests (`dotnet cake --target=Test`): the repository it leaves passes them all, with no
// other step (SpecMatrix checks that for every published spec).
Task("Regenerate")
    .Does(() =>
{
    var spec = Argument<string>("spec", null) ?? throw new CakeException("Regenerate needs --spec=<path to the upstream openapi.yaml>");
    var cut = new ProcessArgumentBuilder()
        .Append("cut")
        .Append("--spec").AppendQuoted(MakeAbsolute(File(spec)).FullPath)
        .Append("--out").AppendQuoted(MakeAbsolute(File("./openapi/openai.yaml")).FullPath);
    foreach (var operation in Arguments<string>("operation", new string[0]))
    {
        cut.Append("--operation").AppendQuoted(operation);
    }

    foreach (var tag in Arguments<string>("tag", new string[0]))
    {
        cut.Append("--tag").AppendQuoted(tag);
    }

    if (HasArgument("all"))
    {
        cut.Append("--all");
    }

    // What each step took and what the public API lost and gained, in artifacts/regenerate.json (read by SpecMatrix),
    // also when a step fails.
    var record = new System.Text.Json.Nodes.JsonObject { ["spec"] = MakeAbsolute(File(spec)).FullPath, ["seconds"] = new System.Text.Json.Nodes.JsonObject() };
    var baseline = File("./src/OpenAI.Gen/PublicAPI.txt");
    var before = FileExists(baseline) ? System.IO.File.ReadAllLines(baseline) : new string[0];
    void Save()
    {
        EnsureDirectoryExists(artifacts);
        System.IO.File.WriteAllText("./artifacts/regenerate.json", record.ToJsonString(IndentedJson));
    }

    void Step(string name, Action action)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            action();
        }
        finally
        {
            record["seconds"][name] = Math.Round(watch.Elapsed.TotalSeconds, 1);
            Save();
        }
    }

    Step("cut", () => DotNetRun("./src/OpenAI.Gen.SpecTool/OpenAI.Gen.SpecTool.csproj", cut, new DotNetRunSettings { Configuration = configuration }));
    // Building generates the client from the cut spec (spec tool + NSwag), then compiles every project.
    Step("build", () => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration }));
    Step("allowances", () => ProposeExampleAllowances(MakeAbsolute(File(spec)).FullPath));
    try
    {
        Step("api", () => RefreshApiBaseline());
    }
    finally
    {
        // The API diff is known once the baseline test has written the new baseline, whatever else failed.
        var after = FileExists(baseline) ? System.IO.File.ReadAllLines(baseline) : new string[0];
        record["publicApi"] = new System.Text.Json.Nodes.JsonObject { ["removed"] = Subtract(before, after), ["added"] = Subtract(after, before) };
        Save();
        Information("Public API: {0} line(s) removed, {1} added (git diff {2})", Subtract(before, after), Subtract(after, before), baseline);
    }

    Information("Regenerate: {0}", string.Join(", ", record["seconds"].AsObject().Select(p => $"{p.Key} {p.Value} s")));
});

void RefreshApiBaseline()
{
    var settings = new DotNetTestSettings { Configuration = configuration, NoBuild = true, Filter = "FullyQualifiedName~PublicApi" };
    settings.EnvironmentVariables["OPENAI_GEN_UPDATE_API"] = "1";
    // The test project alone: the API test lives there, and the solution's other projects need not be evaluated.
    DotNetTest("./tests/OpenAI.Gen.Tests/OpenAI.Gen.Tests.csproj", settings);
}

// How many lines of a b lacks, counting repeats.
int Subtract(string[] a, string[] b)
{
    var counts = b.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
    var missing = 0;
    foreach (var line in a)
    {
        if (counts.TryGetValue(line, out var n) && n > 0)
        {
            counts[line] = n - 1;
        }
        else
        {
            missing++;
        }
    }

    return missing;
}

// Every published spec in a folder, each in a scratch copy of HEAD (the work tree is left alone):
//   dotnet cake --target=SpecMatrix [--specs=../shared/spec]
// Runs Regenerate (cut, generate and build every project, example allowances, API baseline) per spec, timed, then every
// test of what it left; writes one row per spec to docs/spec-matrix.md and artifacts/spec-matrix.json; fails when any
// spec fails to regenerate, build or pass.
Task("SpecMatrix")
    .Does(() =>
{
    var folder = MakeAbsolute(Directory(Argument("specs", "../shared/spec")));
    // Upstream snapshots are OpenAPI YAML or JSON documents (the seed's flattened .txt is not one).
    var specs = new[] { "*.yaml", "*.yml", "*.json" }
        .SelectMany(pattern => System.IO.Directory.GetFiles(folder.FullPath, pattern))
        .OrderBy(path => System.IO.Path.GetFileName(path), StringComparer.Ordinal)
        .ToList();
    if (specs.Count == 0)
    {
        throw new CakeException($"SpecMatrix: no OpenAPI YAML or JSON spec in {folder}");
    }

    var head = Git("rev-parse HEAD").Trim();
    var scratchRoot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "openai-gen-spec-matrix-" + System.Diagnostics.Process.GetCurrentProcess().Id);
    var logs = MakeAbsolute(Directory("./artifacts/spec-matrix"));
    EnsureDirectoryExists(logs);
    var rows = new List<System.Text.Json.Nodes.JsonObject>();
    foreach (var spec in specs)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(spec);
        Information("SpecMatrix: {0} in a scratch copy of {1}", name, head.Substring(0, 10));
        var copy = System.IO.Path.Combine(scratchRoot, name);
        var repo = System.IO.Path.Combine(copy, "repo");
        // The tests find the reference specs at ../shared/spec, as in a work tree.
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(copy, "shared"));
        System.IO.Directory.CreateSymbolicLink(System.IO.Path.Combine(copy, "shared", "spec"), folder.FullPath);
        Git($"clone --quiet --no-checkout --shared \"{MakeAbsolute(Directory(".")).FullPath}\" \"{repo}\"");
        Git($"-C \"{repo}\" checkout --quiet --detach {head}");

        var log = logs.CombineWithFilePath(name + ".log").FullPath;
        int Run(string command) => StartProcess("bash", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append("-c").AppendQuoted(command + $" >> \"{log}\" 2>&1"),
            WorkingDirectory = repo,
        });
        System.IO.File.WriteAllText(log, string.Empty);
        Run("dotnet tool restore");
        // Regenerate alone, timed; then every test of the repository it left, with nothing in between.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var exit = Run($"dotnet cake --target=Regenerate --spec=\"{spec}\"");
        var regenerateSeconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
        watch.Restart();
        if (exit == 0)
        {
            exit = Run($"dotnet test OpenAI.Gen.sln -c Release --no-build --logger trx --results-directory \"{copy}/results\"");
        }

        var testSeconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
        rows.Add(MatrixRow(name, repo, System.IO.Path.Combine(copy, "results"), log, exit, regenerateSeconds, testSeconds));
        Information("SpecMatrix: {0}: {1}, Regenerate {2} s, tests {3} s", name, (bool)rows[^1]["green"] ? "green" : "FAILED (see " + log + ")", regenerateSeconds, testSeconds);
        System.IO.Directory.Delete(copy, recursive: true);
    }

    System.IO.Directory.Delete(scratchRoot, recursive: true);
    var matrix = new System.Text.Json.Nodes.JsonObject
    {
        ["commit"] = head,
        ["specs"] = folder.FullPath,
        ["rows"] = new System.Text.Json.Nodes.JsonArray(rows.ToArray()),
    };
    System.IO.File.WriteAllText("./artifacts/spec-matrix.json", matrix.ToJsonString(IndentedJson) + "\n");
    System.IO.File.WriteAllText("./docs/spec-matrix.md", MatrixMarkdown(rows, head));
    Information("SpecMatrix: wrote docs/spec-matrix.md and artifacts/spec-matrix.json");
    if (rows.Any(r => !(bool)r["green"]))
    {
        throw new CakeException("SpecMatrix: " + string.Join(", ", rows.Where(r => !(bool)r["green"]).Select(r => (string)r["spec"])) + " failed");
    }
});

string Git(string arguments)
{
    var exit = StartProcess("git", new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true }, out var output);
    if (exit != 0)
    {
        throw new CakeException($"git {arguments} exited {exit}");
    }

    return string.Join("\n", output);
}

// One spec's row: what the spec tool made of it, the tests' TRX counts, the public API diff and the outcome.
System.Text.Json.Nodes.JsonObject MatrixRow(string name, string repo, string results, string log, int exit, double regenerateSeconds, double testSeconds)
{
    var row = new System.Text.Json.Nodes.JsonObject { ["spec"] = name };
    var summary = System.IO.Path.Combine(repo, "src/OpenAI.Gen/obj/Generated/spec-summary.json");
    if (System.IO.File.Exists(summary))
    {
        foreach (var member in System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(summary)).AsObject().ToList())
        {
            row[member.Key] = member.Value?.DeepClone();
        }
    }

    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in System.IO.Directory.Exists(results) ? System.IO.Directory.GetFiles(results, "*.trx") : new string[0])
    {
        var counters = System.Xml.Linq.XDocument.Load(trx).Descendants().First(e => e.Name.LocalName == "Counters");
        int Count(string attribute) => int.Parse(counters.Attribute(attribute)?.Value ?? "0");
        passed += Count("passed");
        failed += Count("failed");
        skipped += Count("total") - Count("executed");
    }

    row["tests"] = new System.Text.Json.Nodes.JsonObject { ["passed"] = passed, ["failed"] = failed, ["skipped"] = skipped };
    var regenerate = System.IO.Path.Combine(repo, "artifacts/regenerate.json");
    if (System.IO.File.Exists(regenerate))
    {
        var record = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(regenerate));
        row["publicApi"] = record["publicApi"]?.DeepClone();
        row["regenerateSteps"] = record["seconds"]?.DeepClone();
    }

    row["regenerateSeconds"] = regenerateSeconds;
    row["testSeconds"] = testSeconds;
    row["green"] = exit == 0 && failed == 0 && passed > 0;
    if (!(bool)row["green"])
    {
        // What stopped it: the first errors and failed tests of its log.
        row["failure"] = new System.Text.Json.Nodes.JsonArray(System.IO.File.ReadLines(log)
            .Where(l => l.Contains(": error ") || l.TrimStart().StartsWith("Failed ") || l.Contains("An error occurred"))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\u001b\\[[0-9;]*m", string.Empty).Replace(repo + "/", string.Empty).Trim())
            .Distinct()
            .Take(12)
            .Select(l => (System.Text.Json.Nodes.JsonNode)l)
            .ToArray());
    }

    return row;
}

string MatrixMarkdown(List<System.Text.Json.Nodes.JsonObject> rows, string head)
{
    string Text(System.Text.Json.Nodes.JsonNode node) => node?.ToString() ?? "?";
    int Count(System.Text.Json.Nodes.JsonNode node) => node is System.Text.Json.Nodes.JsonArray array ? array.Count : 0;
    string Warnings(System.Text.Json.Nodes.JsonNode node) => node is System.Text.Json.Nodes.JsonObject w && w.Count > 0
        ? string.Join(", ", w.Select(p => $"{p.Key} ×{p.Value}")) : "none";
    var md = new System.Text.StringBuilder();
    md.Append("# Spec matrix\n\n");
    md.Append("Written by `dotnet cake --target=SpecMatrix` (do not edit by hand) from commit `").Append(head.Substring(0, 10)).Append("`: for each published\n");
    md.Append("OpenAI spec in `../shared/spec`, a scratch copy of the repository ran `Regenerate` alone (cut the default operations\n");
    md.Append("`POST /chat/completions` and `POST /completions`, generate, build every project with warnings as errors, write the\n");
    md.Append("example allowances and the public API baseline), then every test of the repository it left, nothing in between.\n");
    md.Append("Counts are the spec tool's (`obj/Generated/spec-summary.json`); tests come from the TRX results; the public API\n");
    md.Append("columns compare with the committed `src/OpenAI.Gen/PublicAPI.txt`. Times are wall-clock seconds on the machine that\n");
    md.Append("ran it (2 cores here, shared).\n\n");
    md.Append("| spec | OpenAPI | info.version | operations | schemas | open enums | tagged unions | typed untagged unions | raw-JSON unions | warnings | tests passed / failed / skipped | public API −/+ | Regenerate s (cut / build / allowances / API) | Regenerate total s | tests s | result |\n");
    md.Append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: | ---: | --- |\n");
    foreach (var row in rows)
    {
        var tests = row["tests"];
        var api = row["publicApi"];
        var times = row["regenerateSteps"];
        md.Append($"| {row["spec"]} | {Text(row["openapi"])} | {Text(row["infoVersion"])} | {Count(row["operations"])} | {Text(row["schemas"])} | {Text(row["openEnums"])} | ");
        md.Append($"{Count(row["taggedUnions"])} | {Count(row["typedUntaggedUnions"])} | {Count(row["rawJsonUnions"])} | {Warnings(row["warnings"])} | ");
        md.Append($"{tests["passed"]} / {tests["failed"]} / {tests["skipped"]} | {(api == null ? "not built" : $"−{api["removed"]} / +{api["added"]}")} | ");
        md.Append($"{(times == null ? "?" : $"{Text(times["cut"])} / {Text(times["build"])} / {Text(times["allowances"])} / {Text(times["api"])}")} | {row["regenerateSeconds"]} | {row["testSeconds"]} | {((bool)row["green"] ? "green" : "**failed**")} |\n");
    }

    md.Append("\n## What a user meets, spec by spec\n");
    foreach (var row in rows)
    {
        md.Append($"\n### {row["spec"]}\n\n");
        md.Append($"- Operations kept: {string.Join(", ", (row["operations"] as System.Text.Json.Nodes.JsonArray ?? new System.Text.Json.Nodes.JsonArray()).Select(o => $"`{o}`"))}.\n");
        md.Append($"- Tagged unions: {string.Join(", ", (row["taggedUnions"] as System.Text.Json.Nodes.JsonArray ?? new System.Text.Json.Nodes.JsonArray()).Select(o => $"`{o}`"))}.\n");
        md.Append($"- Typed untagged unions: {string.Join(", ", (row["typedUntaggedUnions"] as System.Text.Json.Nodes.JsonArray ?? new System.Text.Json.Nodes.JsonArray()).Select(o => $"`{o}`"))}.\n");
        var raw = row["rawJsonUnions"] as System.Text.Json.Nodes.JsonArray;
        md.Append(raw is { Count: > 0 }
            ? $"- Unions left as raw JSON (OAIGEN100, a `JToken` property): {string.Join(", ", raw.Select(o => $"`{o}`"))}.\n"
            : "- No union is left as raw JSON.\n");
        md.Append($"- Spec tool warnings: {Warnings(row["warnings"])}.\n");
        if (row["failure"] is System.Text.Json.Nodes.JsonArray failure)
        {
            md.Append("- **Failed**; the first errors of its log:\n");
            foreach (var line in failure)
            {
                md.Append("  - `").Append(line.ToString().Replace("`", "'")).Append("`\n");
            }
        }
    }

    return md.ToString();
}

// Fuzzing (tests/OpenAI.Gen.Tests/Fuzz): mutated answers and streams through the client for --minutes=N (default 5),
// random seeds; prints the cases run and cases/s. A failure prints the CsCheck seed that reproduces it.
Task("Fuzz")
    .IsDependentOn("Build")
    .Does(() =>
{
    var minutes = Argument("minutes", 5.0);
    DotNetTest("./tests/OpenAI.Gen.Tests/OpenAI.Gen.Tests.csproj", new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Filter = "FullyQualifiedName~Fuzz",
        Loggers = new[] { "console;verbosity=normal" },
        EnvironmentVariables = new Dictionary<string, string> { ["OPENAI_GEN_FUZZ_MINUTES"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    });
});

// Streaming-parse benchmark (OpenAI.Gen vs the official SDK), short job: a few minutes on a shared 2-core machine.
Task("Bench")
    .IsDependentOn("Build")
    .Does(() =>
{
    // Each benchmark class carries its own short job; --exporters json feeds benchmarks/report.py.
    var results = "./benchmarks/OpenAI.Gen.Benchmarks/BenchmarkDotNet.Artifacts";
    DotNetRun("./benchmarks/OpenAI.Gen.Benchmarks/OpenAI.Gen.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--filter").AppendQuoted("*").Append("--exporters").Append("json").Append("--artifacts").AppendQuoted(results),
        new DotNetRunSettings { Configuration = "Release" });
    foreach (var run in new[] { "interleaved", "loopback" })
    {
        DotNetRun("./benchmarks/OpenAI.Gen.Benchmarks/OpenAI.Gen.Benchmarks.csproj",
            new ProcessArgumentBuilder().Append(run).AppendQuoted(results + "/results"),
            new DotNetRunSettings { Configuration = "Release", NoBuild = true });
    }
    // The table and chart in docs/ (needs python3 and gnuplot).
    if (StartProcess("python3", new ProcessSettings { Arguments = new ProcessArgumentBuilder().Append("benchmarks/report.py").AppendQuoted(results + "/results").Append("docs") }) != 0)
    {
        Warning("docs/benchmarks.md was not regenerated: benchmarks/report.py failed (is gnuplot installed?).");
    }
});

// Installs the package from artifacts/ into a fresh console project and runs a chat and a streamed chat call
// against a loopback server: the package as users get it.
Task("Smoke")
    .IsDependentOn("Pack")
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = "tests/Smoke/run.sh artifacts" });
    if (exit != 0)
    {
        throw new CakeException($"consumer smoke test failed (exit {exit})");
    }
});

// Shows real output with no key and no network: the CLI streams an answer from the embedded example-backed server.
Task("Demo")
    .IsDependentOn("Build")
    .Does(() =>
{
    var offline = new DotNetRunSettings { Configuration = configuration, NoBuild = true };
    offline.EnvironmentVariables["OPENAI_API_KEY"] = "";
    offline.EnvironmentVariables["OPENAI_BASE_URL"] = "";
    DotNetRun("./samples/OpenAI.Gen.Cli/OpenAI.Gen.Cli.csproj", new ProcessArgumentBuilder().Append("chat").AppendQuoted("Hello"), offline);
});

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Pack")
    .IsDependentOn("Smoke")
    .IsDependentOn("Demo");

RunTarget(target);
