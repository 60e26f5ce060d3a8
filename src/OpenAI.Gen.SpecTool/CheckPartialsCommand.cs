using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary><c>check-partials</c>: warns about hand-written partials whose generated part the spec no longer gives.</summary>
public static class CheckPartialsCommand
{
    /// <summary>Runs the command; returns the process exit code (0: warnings do not fail the build).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var a = Arguments.Parse(args);
        var generated = a.All("--generated").Select(File.ReadAllText).ToList();
        var handWritten = a.Positional.Distinct().ToDictionary(f => Path.GetFullPath(f), File.ReadAllText);
        var standalone = a.All("--standalone").Concat(a.Optional("--nswag-config") is { } config ? HandWrittenTypes(config) : Enumerable.Empty<string>());
        var orphans = PartialsCheck.Find(handWritten, generated, standalone);
        foreach (var o in orphans)
        {
            stdout.WriteLine($"{o.File}({o.Line},{o.Column}): warning OAIGEN020: the hand-written partial type '{o.Type}' has no generated part any more (the spec renamed or removed its schema); it compiles as a type of its own without the generated members. Rename it after the new schema, or drop 'partial' if it is meant to stand alone.");
        }

        // The stamp tells MSBuild the check is done; without it (warnings left) the check runs on every build.
        var stamp = a.Optional("--stamp");
        if (stamp != null)
        {
            if (orphans.Count == 0)
            {
                NormalizeCommand.WriteIfChanged(stamp, "checked\n");
            }
            else
            {
                File.Delete(stamp);
            }
        }

        return 0;
    }

    // The types the generator is told the library writes itself: excluded types (unions, open enums, converters),
    // the exception and response classes.
    private static IEnumerable<string> HandWrittenTypes(string nswagConfig)
    {
        var generator = JObject.Parse(File.ReadAllText(nswagConfig))["codeGenerators"]?["openApiToCSharpClient"];
        var excluded = (generator?["excludedTypeNames"] as JArray)?.Select(t => (string?)t) ?? Enumerable.Empty<string?>();
        return excluded.Concat(new[] { (string?)generator?["exceptionClass"], (string?)generator?["responseClass"] }).OfType<string>().ToList();
    }
}
