using System.Collections.Generic;
using NJsonSchema;

namespace OpenAI.Gen.Testing;

/// <summary>
/// The members an object schema declares, its <c>allOf</c> chain included: newer specs move members of a request into
/// a shared base (<c>allOf: [{$ref: ...}, {properties: ...}]</c>), where a schema's own properties no longer show them.
/// </summary>
internal static class SchemaMembers
{
    /// <summary>Every property of <paramref name="schema"/> and of the schemas its <c>allOf</c> chain holds (the nearest declaration wins).</summary>
    public static IReadOnlyDictionary<string, JsonSchemaProperty> Properties(JsonSchema? schema)
    {
        var properties = new Dictionary<string, JsonSchemaProperty>();
        Visit(schema, new HashSet<JsonSchema>(), s =>
        {
            foreach (var property in s.Properties)
            {
                if (!properties.ContainsKey(property.Key))
                {
                    properties.Add(property.Key, property.Value);
                }
            }
        });
        return properties;
    }

    /// <summary>The members <paramref name="schema"/> or any schema of its <c>allOf</c> chain requires, in declaration order.</summary>
    public static IReadOnlyList<string> Required(JsonSchema? schema)
    {
        var required = new List<string>();
        Visit(schema, new HashSet<JsonSchema>(), s =>
        {
            foreach (var name in s.RequiredProperties)
            {
                if (!required.Contains(name))
                {
                    required.Add(name);
                }
            }
        });
        return required;
    }

    private static void Visit(JsonSchema? schema, HashSet<JsonSchema> seen, System.Action<JsonSchema> visit)
    {
        var actual = schema?.ActualSchema;
        if (actual == null || !seen.Add(actual))
        {
            return;
        }

        visit(actual);
        foreach (var part in actual.AllOf)
        {
            Visit(part, seen, visit);
        }
    }
}
