using System.Globalization;
using System.Linq;
using System.Text;

namespace OpenAI.Gen.SpecTool;

/// <summary>Turns JSON names into C# type names for hoisted schemas.</summary>
public static class Naming
{
    /// <summary>"finish_reason" → "FinishReason", "chat.completion" → "ChatCompletion".</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, 'V');
        }

        return sb.ToString();
    }

    /// <summary>Name for one item of an array property: "choices" → "Choice", "tool_calls" → "ToolCall".</summary>
    public static string Singular(string name)
    {
        var p = Pascal(name);
        if (p.EndsWith("ies", false, CultureInfo.InvariantCulture) && p.Length > 3)
        {
            return p.Substring(0, p.Length - 3) + "y";
        }

        if (p.EndsWith("s", false, CultureInfo.InvariantCulture) && !p.EndsWith("ss", false, CultureInfo.InvariantCulture) && p.Length > 1)
        {
            return p.Substring(0, p.Length - 1);
        }

        return p + "Item";
    }

    /// <summary>A C# identifier for an enum value: "tool_calls" → "ToolCalls", "gpt-4" → "Gpt4".</summary>
    public static string Member(string value)
    {
        var parts = value.Split(new[] { '-', '_', '.', ' ', '/', ':' }).Where(p => p.Length > 0);
        return Pascal(string.Join("_", parts));
    }
}
