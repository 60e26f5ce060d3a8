using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>
/// Reads a <c>response_format</c> the same way whichever shape the spec gives it: the seed's object with an open
/// <c>type</c> enum, the tagged union of newer specs (text / json_object / json_schema variants), or a generated union
/// where a wider cut shares those variants with another union. Tests go through
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

        if (UnionVariants() is { } variants)
        {
            return variants.Select(v => v.TagValue).OfType<string>().ToArray();
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

        if (UnionVariants() != null)
        {
            return TypeOf(format) == null ? null : !(bool)typeof(CreateChatCompletionRequestResponseFormat).GetProperty("IsUnknown")!.GetValue(format)!;
        }

        var unknown = typeof(CreateChatCompletionRequestResponseFormat).GetCustomAttributes<JsonInheritanceAttribute>()
            .Single(a => a.Key == "*").Type;
        return format.GetType() != unknown;
    }

    /// <summary>
    /// The members <paramref name="format"/> keeps as additional properties: its own where the format is a class (the
    /// seed's open type, a tagged union's variant), else those of the variant a generated union holds (a spec whose
    /// format variants are shared with another union); none for a union's unknown JSON.
    /// </summary>
    public static IDictionary<string, object> AdditionalProperties(CreateChatCompletionRequestResponseFormat format)
    {
        object holder = format;
        if (holder.GetType().GetProperty("AdditionalProperties") == null)
        {
            holder = typeof(CreateChatCompletionRequestResponseFormat).GetField("_value", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(format)!;
        }

        return holder.GetType().GetProperty("AdditionalProperties")?.GetValue(holder) as IDictionary<string, object> ?? new Dictionary<string, object>();
    }

    // The variants of a generated union (its Layout), or null when the format is a class.
    private static IEnumerable<UnionVariant>? UnionVariants()
    {
        var layout = typeof(CreateChatCompletionRequestResponseFormat).GetField("Layout", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null);
        return layout?.GetType().GetProperty("Variants")!.GetValue(layout) as IEnumerable<UnionVariant>;
    }
}
