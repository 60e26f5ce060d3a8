using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Parameter values as text: booleans as <c>true</c>/<c>false</c>, numbers in the invariant culture, open enums as their
/// wire value, arrays as their items, and objects (dictionaries, DTOs) as their members, for the styles that take them.
/// </summary>
internal static class ParameterValues
{
    /// <summary>One scalar value as the wire writes it.</summary>
    internal static string Scalar(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        ExtensibleEnum open => open.Value,
        Enum closed => EnumText(closed),
        JValue json => json.Type == JTokenType.Boolean ? ((bool)json ? "true" : "false") : Convert.ToString(json.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("o", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        // Anything else (a union holding a scalar) as the JSON it writes.
        _ => OpenAIJson.Default.ToToken(value) is JValue json ? Scalar(json) : value.ToString() ?? string.Empty,
    };

    /// <summary>The items of an array value, or null when <paramref name="value"/> is not an array.</summary>
    internal static IEnumerable? Items(object value) =>
        value is string or IDictionary || value is not IEnumerable items || IsObject(value) ? null : items;

    /// <summary>The members of an object value (a dictionary or a DTO), or null when <paramref name="value"/> is not one.</summary>
    internal static IEnumerable<KeyValuePair<string, object?>>? Members(object value)
    {
        if (value is IDictionary dictionary)
        {
            return DictionaryMembers(dictionary);
        }

        return IsObject(value) && OpenAIJson.Default.ToToken(value) is JObject json ? ObjectMembers(json) : null;
    }

    private static bool IsObject(object value) =>
        value is JObject || (value is not IEnumerable && !value.GetType().IsPrimitive && value is not (string or ExtensibleEnum or Enum or IFormattable));

    private static IEnumerable<KeyValuePair<string, object?>> DictionaryMembers(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, entry.Value);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> ObjectMembers(JObject json)
    {
        foreach (var member in json.Properties())
        {
            yield return new KeyValuePair<string, object?>(member.Name, member.Value.Type == JTokenType.Null ? null : member.Value);
        }
    }

    private static string EnumText(Enum value)
    {
        var name = value.ToString();
        var field = value.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
    }
}
