using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>Finds and rewrites the <c>$ref</c>s to named schemas of a document.</summary>
public static class SchemaReferences
{
    /// <summary>The prefix of a reference to a named schema.</summary>
    public const string Prefix = "#/components/schemas/";

    /// <summary>The schema name <paramref name="s"/> stands for: a bare <c>$ref</c> or an <c>allOf</c> of one <c>$ref</c>.</summary>
    public static string? Target(JObject s)
    {
        if ((string?)s["$ref"] is { } r)
        {
            return r.StartsWith(Prefix, StringComparison.Ordinal) ? r.Substring(Prefix.Length) : null;
        }

        return s["allOf"] is JArray { Count: 1 } all && all[0] is JObject only && only.Count == 1 ? Target(only) : null;
    }

    /// <summary>Every object of <paramref name="doc"/> that is a bare <c>$ref</c> to <paramref name="name"/>.</summary>
    public static List<JObject> To(JObject doc, string name)
    {
        var target = Prefix + name;
        return doc.Descendants().OfType<JProperty>()
            .Where(p => p.Name == "$ref" && (string?)p.Value == target && p.Parent is JObject)
            .Select(p => (JObject)p.Parent!)
            .ToList();
    }

    /// <summary>Points every reference to <paramref name="from"/> at <paramref name="to"/>.</summary>
    public static void Retarget(JObject doc, string from, string to)
    {
        foreach (var reference in To(doc, from))
        {
            reference["$ref"] = Prefix + to;
        }
    }

    /// <summary>
    /// Replaces every reference to <paramref name="name"/> by the members of <paramref name="inline"/>; a reference
    /// wrapped as the only member of an <c>allOf</c> (to carry a description or nullability) is replaced with its wrapper.
    /// </summary>
    public static void Inline(JObject doc, string name, JObject inline)
    {
        foreach (var reference in To(doc, name))
        {
            if (reference.Parent is JArray { Count: 1, Parent: JProperty { Name: "allOf", Parent: JObject wrapper } })
            {
                wrapper.Remove("allOf");
                foreach (var p in inline.Properties().Where(p => wrapper[p.Name] == null))
                {
                    wrapper[p.Name] = p.Value.DeepClone();
                }
            }
            else
            {
                reference.Replace(inline.DeepClone());
            }
        }
    }
}
