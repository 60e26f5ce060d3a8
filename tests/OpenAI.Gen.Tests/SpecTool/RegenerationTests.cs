using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.SpecTool;

/// <summary>Whole specs through cut and normalize with the library's own union configuration.</summary>
public class RegenerationTests
{
    // Schemas NSwag would generate as a class that holds nothing: a union collapsed to nothing serializes as {}.
    private static List<string> EmptyClasses(JObject document) =>
        ((JObject)document["components"]!["schemas"]!).Properties()
            .Where(p => p.Value is JObject s && s["properties"] is not JObject { Count: > 0 } && s["additionalProperties"] is null or JValue { Type: JTokenType.Boolean }
                        && s["allOf"] == null && s["x-abstract"] == null && s["x-oaiGen-union"] == null && s["x-oaiGen-enum"] == null
                        && ((string?)s["type"] is null or "object") && (bool?)s["additionalProperties"] != true)
            .Select(p => p.Name)
            .ToList();

    private static NormalizeResult NormalizeWithLibraryOptions(JObject spec, string name) =>
        new SpecNormalizer(SpecText.LibraryOptions(name)).Normalize(spec);

    // The issue-14 rule on whatever spec is committed: its default cut (chat + completions) types every union; a wider
    // cut (Regenerate --tag=Responses ...) may leave unions raw, each only with an OAIGEN100 naming its location and why.
    [Test]
    public void Committed_spec_types_every_union_of_the_default_cut_and_names_each_raw_one()
    {
        var committed = YamlLoader.LoadFile(Repo.Spec);
        // An object the spec itself declares empty (2026-05-13's EmptyModelParam) is the spec's, not a collapsed union.
        var declaredEmpty = EmptyClasses(committed).Where(n => committed["components"]!["schemas"]![n]!["oneOf"] == null && committed["components"]!["schemas"]![n]!["anyOf"] == null).ToList();
        var defaultCut = NormalizeWithLibraryOptions(new SpecCutter(new CutOptions()).Cut((JObject)committed.DeepClone()).Document, "openai.yaml");
        var whole = NormalizeWithLibraryOptions(committed, "openai.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(defaultCut.Warnings, Is.Empty);
            Assert.That(defaultCut.RawUnions, Is.Empty);
            Assert.That(SpecText.UnionsLeft(defaultCut.Document), Is.Empty);
            Assert.That(EmptyClasses(defaultCut.Document), Is.Empty);

            Assert.That(whole.Warnings, Is.EquivalentTo(whole.RawUnions.Select(l => whole.Warnings.Single(w => w.StartsWith($"OAIGEN100: the union at '{l}' (", System.StringComparison.Ordinal) && w.Contains(" cannot be typed: ")))));
            Assert.That(SpecText.UnionsLeft(whole.Document), Is.Empty, "a raw union is JSON, not a union NSwag collapses");
            Assert.That(EmptyClasses(whole.Document).Except(declaredEmpty), Is.Empty);
        });
    }

    [Test]
    public void The_3_1_sample_types_every_union()
    {
        var options = new CutOptions();
        options.Tags.Add("Chat");
        options.Tags.Add("Completions");
        var cut = new SpecCutter(options).Cut(YamlLoader.LoadFile(SpecText.Fixture("upstream-3.1.yaml")));

        var result = NormalizeWithLibraryOptions(cut.Document, "upstream-3.1.yaml");

        var messageMapping = ((JObject)result.Schema("ChatCompletionRequestMessage")["discriminator"]!["mapping"]!).Properties().Select(p => p.Name);
        var partMapping = ((JObject)result.Schema("ChatCompletionRequestMessageContentPart")["discriminator"]!["mapping"]!).Properties().Select(p => p.Name);
        Assert.Multiple(() =>
        {
            Assert.That(SpecText.UnionsLeft(result.Document), Is.Empty, "NSwag would collapse any union left to its first member");
            Assert.That(EmptyClasses(result.Document), Is.Empty);
            Assert.That(result.TaggedUnions, Is.EquivalentTo(new Dictionary<string, string>
            {
                ["ChatCompletionMessageToolCallsItem"] = "type",
                ["ChatCompletionRequestMessage"] = "role",
                ["ChatCompletionRequestMessageContentPart"] = "type",
                ["CreateChatCompletionRequestResponseFormat"] = "type",
            }));
            Assert.That(messageMapping, Is.EqualTo(new[] { "developer", "system", "user", "assistant", "tool", "*" }));
            Assert.That(partMapping, Is.EquivalentTo(new[] { "text", "refusal", "image_url", "input_audio", "*" }));
            Assert.That(result.KnownValues["CreateChatCompletionRequest.model"], Is.EqualTo(new[] { "gpt-4o", "gpt-4o-mini", "o3" }));
            Assert.That(result.SchemaNames(), Does.Contain("StopSequences").And.Not.Contain("StopConfiguration"));
            Assert.That(result.Warnings.Select(w => w.Substring(0, w.IndexOf(':'))), Is.EquivalentTo(new[]
            {
                "OAIGEN011",
            }), string.Join("\n", result.Warnings));
            Assert.That(result.Warnings, Has.One.Contains("'ChatCompletionFunctionCallChoice'").And.Contains("'CreateChatCompletionRequest.function_call'"));
            Assert.That(result.RawUnions, Is.Empty);
            Assert.That(result.Unions["ChatCompletionRequestDeveloperMessageContent"].Shape, Is.EqualTo("string | ChatCompletionRequestMessageContentPartText[]"));
        });
    }

    [Test]
    public void The_2024_08_23_spec_types_every_union()
    {
        var path = Repo.SharedSpec("openai-2024-08-23.yaml");
        if (path == null)
        {
            Assert.Ignore("../shared/spec/openai-2024-08-23.yaml is not here.");
        }

        var cut = new SpecCutter(new CutOptions()).Cut(YamlLoader.LoadFile(path!));
        var result = NormalizeWithLibraryOptions(cut.Document, "openai-2024-08-23.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(SpecText.UnionsLeft(result.Document), Is.Empty);
            Assert.That(EmptyClasses(result.Document), Is.Empty);
            Assert.That(result.Warnings, Is.Empty, "every union is typed");
            Assert.That(result.Unions.Keys, Is.EquivalentTo(new[]
            {
                "ChatCompletionFunctionCallChoice", "ChatCompletionRequestAssistantMessageContent", "ChatCompletionRequestSystemMessageContent",
                "ChatCompletionRequestToolMessageContent", "ChatCompletionRequestUserMessageContent", "ChatCompletionToolChoiceOption", "CompletionPrompt", "StopSequences",
            }));
            Assert.That(((JObject)result.Schema("ChatCompletionRequestMessageContentPart")["discriminator"]!["mapping"]!).Properties().Select(p => p.Name),
                Is.EquivalentTo(new[] { "text", "image_url", "refusal", "*" }));
            Assert.That(result.SchemaNames(), Does.Contain("ResponseFormatJsonSchema"));
        });
    }

    // The default cut (chat + completions) of every upstream snapshot: no union is left as raw JSON.
    [TestCase("openai-2024-02-23.yaml")]
    [TestCase("openai-2024-08-23.yaml")]
    [TestCase("openai-2024-12-04.yaml")]
    [TestCase("openai-2025-03-11.yaml")]
    [TestCase("openai-2026-05-13.yaml")]
    public void Every_snapshot_types_every_union_of_the_default_cut(string name)
    {
        var path = Repo.SharedSpec(name);
        if (path == null)
        {
            Assert.Ignore($"../shared/spec/{name} is not here.");
        }

        var cut = new SpecCutter(new CutOptions()).Cut(YamlLoader.LoadFile(path!));
        var result = NormalizeWithLibraryOptions(cut.Document, name);

        Assert.Multiple(() =>
        {
            Assert.That(result.RawUnions, Is.Empty, string.Join("\n", result.Warnings));
            Assert.That(SpecText.UnionsLeft(result.Document), Is.Empty);
            Assert.That(result.Unions.Keys, Is.SupersetOf(new[] { "ChatCompletionRequestUserMessageContent", "ChatCompletionToolChoiceOption", "CompletionPrompt", "StopSequences" }), "the library's names whatever the spec calls them");
        });
    }
}
