using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 5: query and path parameters.
public sealed partial class SpecNormalizer
{
    // Query and path parameters. A parameter of a class type (an open enum) would be typed as an object, so enums are
    // sent as strings (their values listed in the description). Every style, deepObject (metadata[key]=value)
    // included, is kept: the client core writes each one as the spec describes it.
    private void ProcessParameters(JObject doc)
    {
        foreach (var path in (doc["paths"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
        {
            if (path.Value is not JObject item)
            {
                continue;
            }

            var operations = item.Properties().Where(p => p.Value is JObject o && o["operationId"] != null).ToList();
            foreach (var operation in operations)
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name} ({(string)operation.Value["operationId"]!})";
                ProcessParameterList(operation.Value["parameters"], where);
                if (item["parameters"] != null)
                {
                    ProcessParameterList(item["parameters"], where);
                }
            }
        }
    }

    private void ProcessParameterList(JToken? parameters, string where)
    {
        foreach (var parameter in (parameters as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>())
        {
            if (parameter["schema"] is not JObject schema || (string?)parameter["name"] is not { } name)
            {
                continue;
            }

            var values = IsStringEnum(schema) ? ((JArray)schema["enum"]!).Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToList()
                : SchemaReferences.Target(schema) is { } t && _schemas[t]?["x-oaiGen-enum"] is JArray known ? known.Select(v => (string)v!).ToList()
                : null;
            if (values != null)
            {
                parameter["schema"] = new JObject { ["type"] = "string" };
                var oneOf = "One of: " + string.Join(", ", values) + ".";
                parameter["description"] = parameter["description"] is { } d ? $"{d} {oneOf}" : oneOf;
            }
        }
    }
}
