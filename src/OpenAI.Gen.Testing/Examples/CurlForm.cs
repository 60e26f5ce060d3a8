using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace OpenAI.Gen.Testing;

/// <summary>
/// The multipart form of a curl snippet (<c>-F name=value</c>, <c>-F file=@path</c>, <c>-F 'list[]=item'</c>,
/// <c>-F 'object[key]=value'</c>), as the JSON
/// object its fields stand for: a form sends text, so each value is read as its schema member's type (a number, a
/// boolean) where it can be; a value that cannot stays text, for the schema check to report.
/// </summary>
internal static class CurlForm
{
    // -F or --form, then one shell word: single-quoted, double-quoted or bare, possibly mixed (name="value").
    private static readonly Regex Field = new(@"(?<=^|\s)(?:-F|--form)\s+(?<word>(?:'[^']*'|""(?:[^""\\]|\\.)*""|[^\s'""\\]+)+)", RegexOptions.CultureInvariant);
    private static readonly Regex Nested = new(@"^([^\[\]]+)\[([^\[\]]+)\]$", RegexOptions.CultureInvariant);
    private static readonly Regex Quoted = new(@"'([^']*)'|""((?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant);

    /// <summary>The fields of <paramref name="curl"/> as a JSON object, or null when it sends no form.</summary>
    public static JObject? Read(string curl, JsonSchema? schema)
    {
        var matches = Field.Matches(curl).Cast<Match>().ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var form = new JObject();
        foreach (var match in matches)
        {
            var word = Quoted.Replace(match.Groups["word"].Value, m => m.Groups[1].Success ? m.Groups[1].Value : Regex.Unescape(m.Groups[2].Value));
            var equals = word.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = word.Substring(0, equals);
            var value = word.Substring(equals + 1);
            var nested = Nested.Match(name);
            if (nested.Success)
            {
                // "expires_after[anchor]=created_at": a member of an object member, as forms write nested objects.
                var outer = nested.Groups[1].Value;
                if (form[outer] is not JObject inner)
                {
                    form[outer] = inner = new JObject();
                }

                inner[nested.Groups[2].Value] = Typed(value, Member(Member(schema, outer), nested.Groups[2].Value));
            }
            else if (name.EndsWith("[]", System.StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - 2);
                if (form[name] is not JArray list)
                {
                    form[name] = list = new JArray();
                }

                list.Add(Typed(value, Member(schema, name)?.Item?.ActualSchema));
            }
            else
            {
                // "@path" uploads a file: its content is the binary string the schema describes.
                form[name] = value.StartsWith("@", System.StringComparison.Ordinal) ? new JValue(value) : Typed(value, Member(schema, name));
            }
        }

        return form;
    }

    private static JsonSchema? Member(JsonSchema? schema, string name) =>
        schema?.ActualSchema.ActualProperties.TryGetValue(name, out var property) == true ? property.ActualSchema : null;

    private static JToken Typed(string value, JsonSchema? member)
    {
        // A nullable member (anyOf [boolean, null]) or a union takes the types of its branches.
        var type = member == null ? JsonObjectType.None
            : member.OneOf.Concat(member.AnyOf).Aggregate(member.Type, (types, branch) => types | branch.ActualSchema.Type);
        if (type.HasFlag(JsonObjectType.Integer) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        if (type.HasFlag(JsonObjectType.Number) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }

        if (type.HasFlag(JsonObjectType.Boolean) && value is "true" or "false")
        {
            return new JValue(value == "true");
        }

        return new JValue(value);
    }
}
