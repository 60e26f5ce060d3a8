using System.Collections.Generic;
using System.IO;

namespace OpenAI.Gen.SpecTool;

/// <summary><c>cut</c>: a full upstream spec in; the spec of the operations the library ships out, as YAML.</summary>
public static class CutCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var a = Arguments.Parse(args);
        var spec = a.Required("--spec");
        var options = new CutOptions { SourceName = Path.GetFullPath(spec), All = a.Flags.Contains("--all") };
        foreach (var op in a.All("--operation"))
        {
            options.Operations.Add(op);
        }

        foreach (var tag in a.All("--tag"))
        {
            options.Tags.Add(tag);
        }

        var result = new SpecCutter(options).Cut(YamlLoader.LoadFile(spec));
        var output = a.Required("--out");
        NormalizeCommand.WriteIfChanged(output, YamlWriter.Write(result.Document));
        stdout.WriteLine($"cut {spec} -> {output}: {result.Operations.Count} operations ({string.Join(", ", result.Operations)}), {result.Schemas.Count} schemas");
        return 0;
    }
}
