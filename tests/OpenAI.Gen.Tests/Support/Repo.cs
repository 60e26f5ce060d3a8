using System;
using System.IO;

namespace OpenAI.Gen.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenAI.Gen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OpenAI.Gen.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The committed spec.</summary>
    public static string Spec => Path.Combine(Root, "openapi", "openai.yaml");

    /// <summary>A file under Fixtures/ in the test output.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A reference spec in ../shared/spec, or null when that folder is absent.</summary>
    public static string? SharedSpec(string name)
    {
        var path = Path.Combine(Root, "..", "shared", "spec", name);
        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }
}
