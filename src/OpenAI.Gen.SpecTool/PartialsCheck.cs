using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Finds hand-written partial types whose generated part is gone. Such a partial still compiles (as a type of its
/// own, without the generated members), so a spec that renames or removes a schema would break it silently.
/// </summary>
public static class PartialsCheck
{
    private static readonly Regex Partial = new(@"\bpartial\s+(?:class|struct|interface|record)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
    private static readonly Regex Declaration = new(@"\b(?:class|struct|interface|record|enum)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    /// <summary>A hand-written partial without a generated part.</summary>
    public sealed record Orphan(string File, int Line, int Column, string Type);

    /// <summary>
    /// The partial declarations in <paramref name="handWritten"/> (file → text) of types that
    /// <paramref name="generated"/> does not declare, <paramref name="standalone"/> does not list (the types the
    /// generator is told the library writes itself) and no other hand-written file declares (a type split on purpose).
    /// </summary>
    public static List<Orphan> Find(IReadOnlyDictionary<string, string> handWritten, IEnumerable<string> generated, IEnumerable<string> standalone)
    {
        var known = new HashSet<string>(generated.SelectMany(text => Declaration.Matches(WithoutComments(text)).Select(m => m.Groups["name"].Value)), StringComparer.Ordinal);
        known.UnionWith(standalone);
        var code = handWritten.ToDictionary(f => f.Key, f => WithoutComments(f.Value));
        var split = code.Values.SelectMany(c => Partial.Matches(c).Select(m => m.Groups["name"].Value).Distinct())
            .GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        known.UnionWith(split);
        var orphans = new List<Orphan>();
        foreach (var file in code.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (Match m in Partial.Matches(file.Value))
            {
                var name = m.Groups["name"].Value;
                if (!known.Contains(name))
                {
                    var line = file.Value.Take(m.Index).Count(c => c == '\n') + 1;
                    var column = m.Index - file.Value.LastIndexOf('\n', Math.Max(0, m.Index - 1));
                    orphans.Add(new Orphan(file.Key, line, column, name));
                }
            }
        }

        return orphans;
    }

    // Blanks comments (keeping line breaks, so positions stay right) and string literals' content.
    private static string WithoutComments(string code) =>
        Regex.Replace(code, @"//[^\n]*|/\*[\s\S]*?\*/|""(?:[^""\\\n]|\\.)*""", m => Regex.Replace(m.Value, @"[^\n]", " "));
}
