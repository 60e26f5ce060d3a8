using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>Minimal "--name value" argument list.</summary>
public sealed class Arguments
{
    private readonly List<KeyValuePair<string, string>> _pairs = new();

    /// <summary>Positional arguments.</summary>
    public List<string> Positional { get; } = new();

    /// <summary>Flags given without a value.</summary>
    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    /// <summary>Parses; an option followed by another option or nothing is a flag.</summary>
    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=');
            if (eq > 0)
            {
                result._pairs.Add(new(arg.Substring(0, eq), arg.Substring(eq + 1)));
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result._pairs.Add(new(arg, args[++i]));
            }
            else
            {
                result.Flags.Add(arg);
            }
        }

        return result;
    }

    /// <summary>The value of a required option.</summary>
    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"missing {name}");

    /// <summary>The last value of an option, or null.</summary>
    public string? Optional(string name) => _pairs.LastOrDefault(p => p.Key == name).Value;

    /// <summary>Every value of a repeatable option.</summary>
    public IEnumerable<string> All(string name) => _pairs.Where(p => p.Key == name).Select(p => p.Value);
}
