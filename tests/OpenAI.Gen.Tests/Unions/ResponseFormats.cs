using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>
/// Reads a <c>response_format</c> the same way whichever shape the spec gives it: the seed's object with an open
/// <c>type</c> enum, or the tagged union of newer specs (text / json_object / json_schema variants). Tests go through
/// here, so they compile against both.
/// </summary>
internal static class ResponseFormats
{
    /// <summary>A response format read from its wire JSON with the client's settings.</summary>
    public static CreateChatCompletionRequestResponseFormat Read(string json) => WireJson.Read<CreateChatCompletionRequestResponseFormat>(json);

    /// <summary>The <c>type</c> the client writes for <paramref name="format"/>, or null when it writes none.</summary>
    public static string? TypeOf(CreateChatCompletionRequestResponseFormat format) => (string?)((JObject)WireJson.Parse(WireJson.Write(format)))["type"];

    /// <summary>Whether the spec makes the format a tagged union, where a format without <c>type</c> is invalid.</summary>
    public static bool IsTaggedUnion => typeof(CreateChatCompletionRequestResponseFormat).IsAbstract;

    /// <summary>The <c>type</c> values the client knows: the seed enum's <c>KnownValues</c>, or the union's variant tags.</summary>
    public static string[] KnownTypes()
    {
        if (typeof(CreateChatCompletionRequestResponseFormat).GetProperty("Type") is { } open)
        {
            var values = (System.Collections.IEnumerable)open.PropertyType.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return values.Cast<ExtensibleEnum>().Select(v => v.Value).ToArray();
        }

        return typeof(CreateChatCompletionRequestResponseFormat).GetCustomAttributes<JsonInheritanceAttribute>()
            .Where(a => a.Key != "*").Select(a => a.Key).ToArray();
    }

    /// <summary>
    /// Whether the client knows the format's type: the seed's open enum says so itself; a tagged union knows it when
    /// it read a named variant rather than the unknown ("*") one.
    /// </summary>
    public static bool? IsKnown(CreateChatCompletionRequestResponseFormat format)
    {
        if (typeof(CreateChatCompletionRequestResponseFormat).GetProperty("Type") is { } open && typeof(ExtensibleEnum).IsAssignableFrom(open.PropertyType))
        {
            return ((ExtensibleEnum?)open.GetValue(format))?.IsKnown;
        }

        var unknown = typeof(CreateChatCompletionRequestResponseFormat).GetCustomAttributes<JsonInheritanceAttribute>()
            .Single(a => a.Key == "*").Type;
        return format.GetType() != unknown;
    }
}
