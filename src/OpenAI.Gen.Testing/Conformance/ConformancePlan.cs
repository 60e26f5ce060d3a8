using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Chooses what a conformance run sends: for every operation of the spec with <c>x-oaiMeta</c> request examples,
/// each example's request, then the probes the examples lack, each built from the spec's own request schema (a probe
/// whose feature the schema does not have is skipped, saying so).
/// </summary>
internal static class ConformancePlan
{
    public const string UsageProbe = "probe: stream_options.include_usage";
    public const string ToolCallProbe = "probe: tool call";
    public const string InvalidProbe = "probe: invalid request";

    public static List<PlannedCheck> For(ConformanceOptions options)
    {
        var spec = options.Spec;
        var validator = new ExampleValidator(spec);
        var plan = new List<PlannedCheck>();
        var operations = spec.Examples
            .Where(e => e.HttpMethod != null && e.HttpPath != null && e.Request != null)
            .GroupBy(e => e.Operation)
            .Where(g => options.Only == null || g.Key == options.Only || g.First().HttpPath == options.Only);
        foreach (var examples in operations)
        {
            var first = examples.First();
            var method = first.HttpMethod!.ToUpperInvariant();
            var requestSchema = first.Request!.SchemaName;
            var responseSchema = first.Response?.SchemaName;
            // As the example validator judges them: the events of the operation's text/event-stream answer, else the configured chunk schema.
            var chunkSchema = first.StreamSchemaName ?? (options.Validation.StreamChunkSchemas.TryGetValue(first.Operation, out var chunks) ? chunks : null);
            var checks = new List<PlannedCheck>();
            foreach (var example in examples)
            {
                var body = Body(example, options.Model);
                checks.Add(new PlannedCheck(example.Operation, example.Title, false, method, example.HttpPath!, body)
                {
                    SkipReason = body == null ? "the example's curl snippet holds no readable JSON object to send" : null,
                    AnswerMediaType = example.AnswerMediaType,
                    EmptyAnswer = spec.EmptyAnswerStatus(method, example.HttpPath!) != null,
                    NoAnswerShown = example.Response == null || ExampleValidator.Read(example.Response, new List<ExampleFinding>(), out _).Count == 0,
                    ResponseSchema = example.Response?.SchemaName ?? responseSchema,
                });
            }

            var valid = checks.Select(c => c.Body).FirstOrDefault(b => b != null);
            if (valid != null)
            {
                var schema = requestSchema == null ? null : spec.Schema(requestSchema);
                var streamed = checks.Where(c => c.Streamed).Select(c => c.Body).FirstOrDefault();
                checks.Add(Usage(first, method, schema, requestSchema, streamed ?? valid));
                checks.Add(ToolCall(first, method, schema, requestSchema, checks.Select(c => c.Body).FirstOrDefault(b => b?["tools"] is JArray { Count: > 0 }) ?? valid, validator));
                checks.Add(Invalid(first, method, schema, requestSchema, valid));
            }

            foreach (var check in checks)
            {
                check.ResponseSchema ??= responseSchema;
                check.ChunkSchema = chunkSchema;
                check.ClientBody ??= valid;
            }

            plan.AddRange(checks);
        }

        return plan;
    }

    private static JObject? Body(SpecExample example, string? model)
    {
        var values = ExampleValidator.Read(example.Request!, new List<ExampleFinding>(), out _);
        if (values.Count == 0 || values[0].Token is not JObject body)
        {
            return null;
        }

        body = (JObject)body.DeepClone();
        if (model != null && body.ContainsKey("model"))
        {
            body["model"] = model;
        }

        return body;
    }

    private static PlannedCheck Usage(SpecExample operation, string method, JsonSchema? schema, string? schemaName, JObject template)
    {
        var body = (JObject)template.DeepClone();
        body["stream"] = true;
        body["stream_options"] = new JObject { ["include_usage"] = true };
        return new PlannedCheck(operation.Operation, UsageProbe, true, method, operation.HttpPath!, body)
        {
            ExpectsUsage = true,
            SkipReason = Lacks(schema, schemaName, "stream", "stream_options"),
        };
    }

    private static PlannedCheck ToolCall(SpecExample operation, string method, JsonSchema? schema, string? schemaName, JObject template, ExampleValidator validator)
    {
        var body = (JObject)template.DeepClone();
        if (body["tools"] is not JArray { Count: > 0 })
        {
            // No example to copy: one function of the documented shape (type, function.name/description/parameters).
            body["tools"] = new JArray(new JObject
            {
                ["type"] = "function",
                ["function"] = new JObject
                {
                    ["name"] = "get_current_weather",
                    ["description"] = "Get the current weather in a given location",
                    ["parameters"] = JObject.Parse("""{"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}"""),
                },
            });
        }

        var name = (string?)body["tools"]![0]!["function"]?["name"];
        var named = SchemaMembers.Properties(schema).ContainsKey("tool_choice") && name != null;
        if (named)
        {
            body["tool_choice"] = new JObject { ["type"] = "function", ["function"] = new JObject { ["name"] = name } };
        }

        // Streamed where the operation streams: tool-call deltas are where servers depart most.
        if (SchemaMembers.Properties(schema).ContainsKey("stream"))
        {
            body["stream"] = true;
        }

        return new PlannedCheck(operation.Operation, ToolCallProbe, true, method, operation.HttpPath!, body)
        {
            ExpectsToolCall = named,
            SkipReason = Lacks(schema, schemaName, "tools") ?? Unfit(validator, body, schemaName),
        };
    }

    // The probe's tool is a chat function ({type, function: {name}}); an operation whose tools take another shape (a
    // Responses-style tool names its function at the top) would refuse it: that tests the probe, not the server.
    private static string? Unfit(ExampleValidator validator, JObject body, string? schemaName) =>
        schemaName != null && validator.SchemaErrors(body, schemaName) is { Count: > 0 } errors
            ? $"the probe's function tool does not fit the spec's {schemaName}: {errors[0].Path}: {errors[0].Message}"
            : null;

    private static PlannedCheck Invalid(SpecExample operation, string method, JsonSchema? schema, string? schemaName, JObject template)
    {
        var body = (JObject)template.DeepClone();
        body.Remove("stream");
        (string? Name, JToken? Value) target = default;
        var properties = SchemaMembers.Properties(schema);
        foreach (var name in SchemaMembers.Required(schema).Where(body.ContainsKey))
        {
            if (properties.TryGetValue(name, out var property) && WrongValue(property.ActualSchema) is { } wrong)
            {
                target = (name, wrong);
                break;
            }
        }

        if (target.Name == null || target.Value == null)
        {
            return new PlannedCheck(operation.Operation, InvalidProbe, true, method, operation.HttpPath!, body)
            {
                SkipReason = schemaName == null ? "the spec names no request schema" : $"{schemaName} has no required member of a known type the example sets",
            };
        }

        body[target.Name] = target.Value;
        return new PlannedCheck(operation.Operation, $"{InvalidProbe} ($.{target.Name} is {target.Value.Type.ToString().ToLowerInvariant()})", true, method, operation.HttpPath!, body)
        {
            ExpectsClientError = true,
        };
    }

    /// <summary>A value of a JSON type <paramref name="schema"/> does not allow, or null when its types are unknown.</summary>
    private static JToken? WrongValue(JsonSchema schema)
    {
        var types = schema.Type;
        foreach (var branch in schema.OneOf.Concat(schema.AnyOf))
        {
            types |= branch.ActualSchema.Type;
        }

        if (types == JsonObjectType.None)
        {
            return null;
        }

        if ((types & (JsonObjectType.Number | JsonObjectType.Integer)) == 0)
        {
            return 12345;
        }

        if ((types & JsonObjectType.String) == 0)
        {
            return "not a valid value";
        }

        return (types & JsonObjectType.Boolean) == 0 ? new JValue(true) : null;
    }

    private static string? Lacks(JsonSchema? schema, string? schemaName, params string[] members)
    {
        if (schema == null)
        {
            return "the spec names no request schema for the operation";
        }

        var properties = SchemaMembers.Properties(schema);
        var missing = members.Where(m => !properties.ContainsKey(m)).ToList();
        return missing.Count == 0 ? null : $"the spec's {schemaName} has no {string.Join(" or ", missing)}";
    }
}
