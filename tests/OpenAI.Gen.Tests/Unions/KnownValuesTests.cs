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
            Assert.That(CreateChatCompletionRequestModel.KnownValues, Is.EqualTo(SpecModelNames("CreateChatCompletionRequest")));
            Assert.That(CreateCompletionRequestModel.KnownValues, Is.EqualTo(SpecModelNames("CreateCompletionRequest")));
            Assert.That(CreateChatCompletionRequestModel.Gpt35Turbo, Is.EqualTo("gpt-3.5-turbo"));
            Assert.That(CreateChatCompletionRequestModel.Gpt4_32k_0613, Is.EqualTo("gpt-4-32k-0613"));
            Assert.That(CreateCompletionRequestModel.Gpt35TurboInstruct, Is.EqualTo("gpt-3.5-turbo-instruct"));
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

    private static IEnumerable<string> SpecModelNames(string schema) =>
        ((JArray)SpecExamples.Spec["components"]!["schemas"]![schema]!["properties"]!["model"]!["anyOf"]!)
        .SelectMany(branch => branch["enum"] as JArray ?? new JArray()).Select(v => (string)v!);
}
