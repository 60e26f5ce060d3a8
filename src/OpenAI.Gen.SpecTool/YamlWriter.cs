using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Writes a JSON tree as block YAML, byte for byte the same for the same tree: keys in tree order, two-space
/// indentation, LF line ends, multi-line strings as literal blocks (so examples stay readable), and any string a
/// YAML reader would take for a number, boolean, null or date quoted so that it reads back as the same string.
/// </summary>
public static class YamlWriter
{
    // YAML 1.1 and 1.2 readers resolve these plain scalars to something other than a string.
    private static readonly Regex NotAPlainString = new(
        @"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
        + @"|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0[xob][0-9a-fA-F_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
        + @"|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|<<|=)$",
        RegexOptions.CultureInvariant);

    /// <summary>Returns the YAML text of <paramref name="root"/>, ending with a line break.</summary>
    public static string Write(JToken root)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n");
        var emitter = new Emitter(text, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        WriteNode(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteNode(IEmitter emitter, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var p in obj.Properties())
                {
                    WriteString(emitter, p.Name);
                    WriteNode(emitter, p.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    WriteNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JValue { Type: JTokenType.String } s:
                WriteString(emitter, (string)s!);
                break;
            case JValue v:
                emitter.Emit(new Scalar(null, null, Plain(v), ScalarStyle.Plain, true, false));
                break;
            default:
                throw new ArgumentException($"cannot write a {token.Type} token as YAML ({token.Path})");
        }
    }

    private static void WriteString(IEmitter emitter, string value)
    {
        // The emitter falls back to double quotes by itself when a literal block cannot hold the text exactly
        // (e.g. trailing spaces on a line); a text of blank lines only would read back empty from a block.
        var style = value.Contains('\n') ? (value.Any(c => !char.IsWhiteSpace(c)) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted)
            : value.Length == 0 || NotAPlainString.IsMatch(value) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, value, style, true, true));
    }

    private static string Plain(JValue v) => v.Type switch
    {
        JTokenType.Null => "null",
        JTokenType.Boolean => (bool)v! ? "true" : "false",
        JTokenType.Integer => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!,
        JTokenType.Float => Float((double)v!),
        _ => throw new ArgumentException($"cannot write a {v.Type} value as YAML ({v.Path})"),
    };

    // Keeps a fraction so that 1.0 reads back as a float, not as the integer 1.
    private static string Float(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return double.IsNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
        }

        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Any(c => c is '.' or 'E' or 'e') ? s : s + ".0";
    }
}
