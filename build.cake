// The one entry point for people: dotnet tool restore && dotnet cake [--target=<Target>]
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./OpenAI.Gen.sln";
var artifacts = Directory("./artifacts");
// The allowances reviewed for openapi/openai.yaml (the examples' known findings), tied to it by its digest.
const string ExampleAllowancesFile = "openapi/example-allowances.json";
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

void ProposeExampleAllowances()
{
    DotNetRun("./samples/OpenAI.Gen.Cli/OpenAI.Gen.Cli.csproj",
        new ProcessArgumentBuilder().Append("validate-examples").AppendQuoted("openapi/openai.yaml").Append("--propose").AppendQuoted(ExampleAllowancesFile),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true });
}

// Writes the public API baseline (src/OpenAI.Gen/PublicAPI.txt) from the built library; review its diff.
Task("ApiBaseline")
    .IsDependentOn("Build")
    .Does(() =>
{
    RefreshApiBaseline();
});

// Imports a new upstream spec: dotnet cake --target=Regenerate --spec=<openapi.yaml>
//   [--operation="POST /chat/completions" --operation=...] [--tag=Chat --tag=...]   (default: the two POST operations)
// Cuts it into openapi/openai.yaml, builds (which regenerates the client), writes the example allowances for it,
// refreshes the API baseline and runs the tests; then review `git diff openapi/ src/OpenAI.Gen/PublicAPI.txt` and the
// build's OAIGEN warnings.
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

    DotNetRun("./src/OpenAI.Gen.SpecTool/OpenAI.Gen.SpecTool.csproj", cut, new DotNetRunSettings { Configuration = configuration });
    var baseline = File("./src/OpenAI.Gen/PublicAPI.txt");
    var before = FileExists(baseline) ? System.IO.File.ReadAllLines(baseline) : new string[0];
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
    ProposeExampleAllowances();
    // One test run: every test, with the API test writing the new baseline instead of comparing.
    RefreshApiBaseline(null);
    var after = System.IO.File.ReadAllLines(baseline);
    Information("Public API: {0} line(s) removed, {1} added (git diff {2})", Subtract(before, after), Subtract(after, before), baseline);
});

void RefreshApiBaseline(string filter = "FullyQualifiedName~PublicApi")
{
    var settings = new DotNetTestSettings { Configuration = configuration, NoBuild = true, Filter = filter };
    settings.EnvironmentVariables["OPENAI_GEN_UPDATE_API"] = "1";
    DotNetTest(solution, settings);
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

// Streaming-parse benchmark (OpenAI.Gen vs the official SDK), short job: a few minutes on a shared 2-core machine.
Task("Bench")
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
