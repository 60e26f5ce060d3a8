using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Unions;

/// <summary><c>model</c> is a plain string; the names the spec lists are generated as constants at build time.</summary>
public class KnownValuesTests
{
    [Test]
    public void Model_constants_are_the_names_the_spec_lists()
    {
        Assert.Multiple(() =>
        {
            // Named after the request whichever class of its allOf chain declares `model`.
            Assert.That(CreateChatCompletionRequestModel.KnownValues, Is.EqualTo(SpecModelNames("CreateChatCompletionRequest")).And.Not.Empty);
            Assert.That(CreateCompletionRequestModel.KnownValues, Is.EqualTo(SpecModelNames("CreateCompletionRequest")).And.Not.Empty);
            AssertConstants(typeof(CreateChatCompletionRequestModel), CreateChatCompletionRequestModel.KnownValues);
            AssertConstants(typeof(CreateCompletionRequestModel), CreateCompletionRequestModel.KnownValues);
        });
    }

    // One constant per value, named after it (a name two values share gets a suffix on the second).
    private static void AssertConstants(Type type, IEnumerable<string> values)
    {
        var constants = type.GetFields().Where(f => f.IsLiteral).ToList();
        Assert.That(constants.Select(f => (string)f.GetRawConstantValue()!), Is.EquivalentTo(values.Distinct()), type.Name);
        Assert.That(constants.Where(f => !f.Name.StartsWith(KnownValuesCodeWriter.MemberName((string)f.GetRawConstantValue()!), StringComparison.Ordinal)).Select(f => f.Name), Is.Empty, type.Name);
    }

    [Test]
    public void A_member_inherited_through_allOf_is_named_after_each_inheriting_schema_too()
    {
        var document = JObject.Parse("""
            {"components": {"schemas": {
              "Base": {"type": "object"},
              "Mid": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object"}]},
              "Req": {"allOf": [{"$ref": "#/components/schemas/Mid"}]},
              "Own": {"allOf": [{"$ref": "#/components/schemas/Base"}]},
              "Other": {"type": "object"}}}}
            """);
        var values = new Dictionary<string, IReadOnlyList<string>> { ["Base.model"] = new[] { "m" }, ["Own.model"] = new[] { "own" } };

        var all = KnownValuesCodeWriter.WithInherited(values, document);

        Assert.Multiple(() =>
        {
            Assert.That(all.Keys, Is.EqualTo(new[] { "Base.model", "Mid.model", "Own.model", "Req.model" }));
            Assert.That(all["Req.model"], Is.EqualTo(new[] { "m" }));
            Assert.That(all["Own.model"], Is.EqualTo(new[] { "own" }), "a schema's own member keeps its values");
        });
    }

    [Test]
    public void Any_model_name_is_sent_as_it_is()
    {
        var request = new CreateChatCompletionRequest { Model = "ft:gpt-4o-mini:acme::abc123", Messages = { ChatMessage.User("hi") } };
        Assert.That(WireJson.Parse(WireJson.Write(request))["model"]!.ToString(), Is.EqualTo("ft:gpt-4o-mini:acme::abc123"));
    }

    [TestCase("gpt-4-0613", "Gpt4_0613")]
    [TestCase("gpt-3.5-turbo", "Gpt35Turbo")]
    [TestCase("gpt-3.5-turbo-16k-0613", "Gpt35Turbo16k_0613")]
    [TestCase("gpt-4-32k", "Gpt4_32k")]
    [TestCase("davinci-002", "Davinci002")]
    [TestCase("gpt-4o", "Gpt4o")]
    [TestCase("ft:gpt-4o:org", "FtGpt4oOrg")]
    [TestCase("4", "V4")]
    [TestCase("", "V")]
    public void Member_names_are_readable_identifiers(string value, string expected)
    {
        Assert.That(KnownValuesCodeWriter.MemberName(value), Is.EqualTo(expected));
    }

    [Test]
    public void The_writer_names_classes_by_location_dedupes_members_and_refuses_a_schema_name()
    {
        var values = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Req.model"] = new[] { "a-1", "a.1", "b" },
            ["Named"] = new[] { "x" },
        };
        var code = KnownValuesCodeWriter.Write(values, new HashSet<string>(), "N");
        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Contain("public static partial class ReqModel"));
            Assert.That(code, Does.Contain("public static partial class NamedValues"));
            Assert.That(code, Does.Contain("public const string A1 = \"a-1\";"));
            Assert.That(code, Does.Contain("public const string A1_2 = \"a.1\";"));
            Assert.That(code, Is.EqualTo(KnownValuesCodeWriter.Write(values, new HashSet<string>(), "N")), "deterministic");
        });

        var e = Assert.Throws<ArgumentException>(() => KnownValuesCodeWriter.Write(values, new HashSet<string> { "ReqModel" }, "N"));
        Assert.That(e!.Message, Does.Contain("Req.model").And.Contain("ReqModel"));
    }

    // The enum values under the schema's `model` (declared by it or by a base of its allOf chain), through $refs.
    private static IEnumerable<string> SpecModelNames(string schema)
    {
        var schemas = (JObject)SpecExamples.Spec["components"]!["schemas"]!;
        JToken? Resolve(JToken? node) => node?["$ref"] is JValue reference ? schemas[((string)reference!).Split('/').Last()] : node;
        JToken? Model(string name) =>
            schemas[name]?["properties"]?["model"]
            ?? (schemas[name]?["allOf"] as JArray ?? new JArray()).Select(part => Resolve(part)?["properties"]?["model"]
                ?? (part["$ref"] is JValue r ? Model(((string)r!).Split('/').Last()) : null)).FirstOrDefault(m => m != null);
        IEnumerable<string> Values(JToken? node) =>
            Resolve(node) is not JObject resolved ? Enumerable.Empty<string>()
            : (resolved["enum"] as JArray ?? new JArray()).Select(v => (string)v!)
                .Concat(new[] { "anyOf", "oneOf", "allOf" }.SelectMany(k => (resolved[k] as JArray ?? new JArray()).SelectMany(Values)));
        return Values(Model(schema)).Distinct();
    }
}
