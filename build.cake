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
    DotNetPack("./src/OpenAI.Gen.Extensions.DependencyInjection/OpenAI.Gen.Extensions.DependencyInjection.csproj", new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = artifacts,
    });
});

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Pack");

RunTarget(target);
