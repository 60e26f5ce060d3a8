// The one entry point for people: dotnet tool restore && dotnet cake [--target=<Target>]
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./OpenAI.Gen.sln";
var artifacts = Directory("./artifacts");
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
            .Append("--allow").AppendQuoted("openapi/example-allowances.json")
            .Append("--json").AppendQuoted("artifacts/example-report.json"),
        new DotNetRunSettings { Configuration = configuration });
});

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Pack");

RunTarget(target);
