using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Groups named unions that share variants. C# has single inheritance, so a variant (e.g. the text content part,
/// a member of the user, assistant, system and tool content unions) can derive from one base only: unions that share
/// a variant become one base type with every variant of the group.
/// </summary>
public static class UnionFamilies
{
    /// <summary>The groups of <paramref name="unions"/> (name → variant names) linked by a shared variant, in name order.</summary>
    public static List<List<string>> Group(IReadOnlyDictionary<string, IReadOnlyList<string>> unions)
    {
        var parent = unions.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        string Find(string x) => parent[x] == x ? x : parent[x] = Find(parent[x]);

        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var union in unions.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            foreach (var variant in unions[union])
            {
                if (owner.TryGetValue(variant, out var other))
                {
                    var (a, b) = (Find(union), Find(other));
                    if (a != b)
                    {
                        parent[string.CompareOrdinal(a, b) < 0 ? b : a] = string.CompareOrdinal(a, b) < 0 ? a : b;
                    }
                }
                else
                {
                    owner[variant] = union;
                }
            }
        }

        return unions.Keys.GroupBy(Find)
            .Select(g => g.OrderBy(n => n, StringComparer.Ordinal).ToList())
            .OrderBy(g => g[0], StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The name of a group's base type: the longest common PascalCase prefix of its variants
    /// (ChatCompletionRequestMessageContentPart{Text,Image,Refusal} → ChatCompletionRequestMessageContentPart) when
    /// <paramref name="isFree"/> accepts it, else the first union's name.
    /// </summary>
    public static string Name(IReadOnlyList<string> unions, IReadOnlyList<string> variants, Func<string, bool> isFree)
    {
        var prefix = variants.Aggregate((a, b) => a.Substring(0, Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length))));

        // Cut back to a word boundary: every variant must go on with an upper-case letter after the prefix.
        while (prefix.Length > 0 && !variants.All(v => v.Length > prefix.Length && char.IsUpper(v[prefix.Length])))
        {
            prefix = prefix.Substring(0, prefix.Length - 1);
        }

        var words = prefix.Count(char.IsUpper);
        return words >= 2 && (unions.Contains(prefix) || isFree(prefix)) ? prefix : unions[0];
    }
}
