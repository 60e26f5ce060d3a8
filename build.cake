// The one entry point for people: dotnet tool restore && dotnet cake [--target=<Target>]
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./OpenAI.Gen.sln";
var artifacts = Directory("./artifacts");

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
    DotNetPack("./src/OpenAI.Gen/OpenAI.Gen.csproj", new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = artifacts,
    });
});

// Streaming-parse benchmark (OpenAI.Gen vs the official SDK), short job: a few minutes on a shared 2-core machine.
Task("Bench")
    .Does(() =>
{
    DotNetRun("./benchmarks/OpenAI.Gen.Benchmarks/OpenAI.Gen.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--job").Append("short").Append("--filter").AppendQuoted("*"),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Pack");

RunTarget(target);
