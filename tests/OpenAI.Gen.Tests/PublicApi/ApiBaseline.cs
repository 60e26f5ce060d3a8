using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using PublicApiGenerator;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.PublicApi;

/// <summary>The library's public API as text, and its committed baseline (src/OpenAI.Gen/PublicAPI.txt).</summary>
public static class ApiBaseline
{
    /// <summary>Set to 1 to write the baseline instead of comparing with it.</summary>
    public const string UpdateVariable = "OPENAI_GEN_UPDATE_API";

    /// <summary>The command that refreshes the baseline.</summary>
    public const string RefreshCommand = "OPENAI_GEN_UPDATE_API=1 dotnet test OpenAI.Gen.sln --filter PublicApi (or: dotnet cake --target=ApiBaseline)";

    private const int ShownLines = 80;

    /// <summary>The committed baseline file.</summary>
    public static string Path => System.IO.Path.Combine(Repo.Root, "src", "OpenAI.Gen", "PublicAPI.txt");

    /// <summary>The public API of <paramref name="assembly"/>, with LF line ends and no tool versions in it.</summary>
    public static string Of(Assembly assembly)
    {
        var options = new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            // The generator's version stamp would change the baseline on every NSwag upgrade without an API change.
            ExcludeAttributes = new[] { "System.CodeDom.Compiler.GeneratedCodeAttribute" },
        };
        return assembly.GeneratePublicApi(options).Replace("\r\n", "\n").TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Null when <paramref name="actual"/> equals <paramref name="baseline"/>; otherwise the lines only the baseline
    /// has ("- ") and the lines only the actual API has ("+ "), in order, with their counts.
    /// </summary>
    public static string? Compare(string baseline, string actual)
    {
        var before = Lines(baseline);
        var after = Lines(actual);
        if (before.SequenceEqual(after))
        {
            return null;
        }

        var removed = Subtract(before, after);
        var added = Subtract(after, before);
        var shown = removed.Select(l => "- " + l).Concat(added.Select(l => "+ " + l)).ToList();
        var text = string.Join("\n", shown.Take(ShownLines));
        if (shown.Count > ShownLines)
        {
            text += $"\n… and {shown.Count - ShownLines} more";
        }

        if (shown.Count == 0)
        {
            text = "(the same lines in another order)";
        }

        return $"The public API differs from {Path}: {removed.Count} line(s) removed, {added.Count} added.\n{text}\n"
               + $"If the change is intended (a new spec, a new feature), review it and refresh the baseline: {RefreshCommand}";
    }

    private static List<string> Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').ToList();

    // The lines of a that b does not have, counting repeats ("}" appears many times), in a's order.
    private static List<string> Subtract(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var counts = b.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in a)
        {
            if (counts.TryGetValue(line, out var n) && n > 0)
            {
                counts[line] = n - 1;
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }

    /// <summary>Writes the baseline file.</summary>
    public static void Write(string api) => File.WriteAllText(Path, api, new System.Text.UTF8Encoding(false));
}
