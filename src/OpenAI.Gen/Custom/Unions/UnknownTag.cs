using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>Reads the tag of an unknown union variant, which stays among its other members.</summary>
internal static class UnknownTag
{
    /// <summary>The string value of <paramref name="tag"/>, whether read from JSON (a <see cref="JValue"/>) or set in code.</summary>
    public static string? Get(IDictionary<string, object> members, string tag) =>
        members.TryGetValue(tag, out var value) ? value switch
        {
            JValue { Type: JTokenType.String } json => (string?)json,
            string text => text,
            _ => null,
        } : null;
}
