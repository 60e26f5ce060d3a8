using System.Text.RegularExpressions;

namespace OpenAI.Gen.Shared;

/// <summary>
/// Reads block scalars that hold no non-empty line the way YAML 1.2.2 (§8.1.1.1) does, before YamlDotNet scans them.
/// Without an indentation indicator, a block scalar's content indentation is that of its first non-empty line or,
/// when it has none, that of its longest line: such a scalar is empty lines only, and its value is line breaks
/// whatever spaces those lines hold. Scanners of the libyaml line (YamlDotNet among them) take the spaces of the
/// first line as the indentation instead and reject, for example, an <c>example: |+</c> whose one line holds more
/// spaces than the less indented key after it ("found extra spaces in first line"). Removing the spaces of those
/// lines leaves the value, and every line number, as they were; a scalar that does have a non-empty line is left
/// to the scanner, which rejects more indented leading empty lines as the specification does. Compiled into both
/// the spec tool and OpenAI.Gen.Testing (a linked source file).
/// </summary>
internal static class EmptyBlockScalars
{
    // A block scalar header after a mapping key and/or sequence entries, with optional properties (tag, anchor),
    // the style, the chomping and indentation indicators in either order, and an optional comment.
    private static readonly Regex Header = new(
        @"^(?<indent> *)(?<entries>(?:- +)*)(?:(?<key>""(?:[^""\\]|\\.)*""|'(?:[^']|'')*'|[^\s#'""\-?:,\[\]{}|>][^#]*?) *: +)?(?:[!&]\S* +)*[|>](?<indicators>[1-9][+-]?|[+-][1-9]?)?(?: +#.*)?$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// The text with the spaces of every line of an empty block scalar (no indentation indicator, no non-empty line)
    /// removed; the text itself when it has none.
    /// </summary>
    public static string Normalize(string text)
    {
        var lines = text.Split('\n');
        var changed = false;
        var i = 0;
        while (i < lines.Length)
        {
            var header = Header.Match(Content(lines[i]));
            if (!header.Success || (!header.Groups["key"].Success && header.Groups["entries"].Length == 0))
            {
                i++;
                continue;
            }

            // The indentation of the collection the scalar belongs to: its content is indented further.
            var parent = header.Groups["indent"].Length + (header.Groups["key"].Success
                ? header.Groups["entries"].Length
                : header.Groups["entries"].Value.TrimEnd().LastIndexOf('-'));
            var next = i + 1;
            while (next < lines.Length && IsSpaces(lines[next]))
            {
                next++;
            }

            if (next == lines.Length || Indentation(lines[next]) <= parent)
            {
                var hasIndicator = header.Groups["indicators"].Value.IndexOfAny("123456789".ToCharArray()) >= 0;
                for (var blank = i + 1; blank < next && !hasIndicator; blank++)
                {
                    var emptied = lines[blank].EndsWith("\r", System.StringComparison.Ordinal) ? "\r" : string.Empty;
                    changed |= lines[blank] != emptied;
                    lines[blank] = emptied;
                }

                i = next;
                continue;
            }

            // A scalar with content: none of its lines is a header, whatever it says.
            while (next < lines.Length && (IsSpaces(lines[next]) || Indentation(lines[next]) > parent))
            {
                next++;
            }

            i = next;
        }

        return changed ? string.Join("\n", lines) : text;
    }

    private static string Content(string line) => line.EndsWith("\r", System.StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line;

    private static bool IsSpaces(string line)
    {
        foreach (var c in Content(line))
        {
            if (c != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static int Indentation(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return n;
    }
}
