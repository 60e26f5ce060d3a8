using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 2: schemas that only rename another disappear.
public sealed partial class SpecNormalizer
{
    private static readonly string[] AliasKeys = { "allOf", "$ref", "description", "title", "nullable", "deprecated" };

    // A named schema that only renames another (what a one-member union becomes) would be generated as an empty
    // subclass that no tagged union maps; every reference goes to the schema it renames instead. Saying "type: object"
    // beside the reference to an object schema (2026's EvalGraderLabelModel: allOf [GraderLabelModel]) adds nothing.
    private void RemoveAliases()
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var name in SchemaNames().Where(n => !_unionByLocation.ContainsKey(n)))
            {
                if (_schemas[name] is JObject s && SchemaReferences.Target(s) is { } target && target != name && _schemas[target] is JObject renamed
                    && s.Properties().All(p => AliasKeys.Contains(p.Name) || p.Name.StartsWith("x-", StringComparison.Ordinal) || (p.Name == "type" && (string?)p.Value == "object" && IsObject(renamed))))
                {
                    SchemaReferences.Retarget(_doc, name, target);
                    _schemas.Remove(name);
                    _result.Notes.Add($"'{name}' only renames '{target}'; references to it use '{target}'.");
                    changed = true;
                }
            }
        }
    }

    private static bool IsObject(JObject schema) =>
        (string?)schema["type"] == "object" || schema["properties"] != null || schema["allOf"] != null || schema["discriminator"] != null;
}
