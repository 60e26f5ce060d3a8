using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Foundation;

public class SeedSpecTests
{
    private const string CompletedStart = "# --- Schemas below are not in the seed";
    private const string CompletedEnd = "# --- End of completed schemas ---";

    private static string[] Tokens(string text) => Regex.Split(text.Trim(), @"\s+");

    private static string SpecText()
    {
        var text = File.ReadAllText(Repo.Spec);
        if (!text.Contains(CompletedStart))
        {
            Assert.Ignore("openapi/openai.yaml was regenerated from an upstream spec; the seed restoration no longer applies.");
        }

        return text;
    }

    [Test]
    public void Restored_spec_holds_every_seed_token_in_order()
    {
        var text = SpecText();
        var start = text.IndexOf(CompletedStart, StringComparison.Ordinal);
        var end = text.IndexOf(CompletedEnd, StringComparison.Ordinal) + CompletedEnd.Length;
        var seedPart = text.Substring(0, start) + text.Substring(end);

        var seed = Tokens(File.ReadAllText(Repo.Fixture("seed-spec.txt")));
        var restored = Tokens(seedPart);
        var firstDifference = Enumerable.Range(0, Math.Min(seed.Length, restored.Length)).FirstOrDefault(i => seed[i] != restored[i], -1);
        Assert.Multiple(() =>
        {
            Assert.That(firstDifference, Is.EqualTo(-1), () => $"first difference at token {firstDifference}: seed '{seed[firstDifference]}' vs restored '{restored[firstDifference]}'");
            Assert.That(restored, Has.Length.EqualTo(seed.Length));
        });
    }

    [Test]
    public void Examples_have_their_line_breaks_back()
    {
        SpecText();
        var defaultResponse = SpecExamples.Response("/chat/completions", "Default");
        var streaming = SpecExamples.Response("/chat/completions", "Streaming");
        var python = (string)SpecExamples.Example("/chat/completions", "Functions")["request"]!["python"]!;
        Assert.Multiple(() =>
        {
            Assert.That(defaultResponse, Does.StartWith("{\n  \"id\": \"chatcmpl-123\",\n"));
            Assert.That(streaming.Split('\n').Where(l => l.StartsWith("{\"id\"", StringComparison.Ordinal)).Count(), Is.EqualTo(6), "one streamed chunk per line");
            Assert.That(streaming, Does.Contain("\n....\n"), "the elision line stands on its own line");
            Assert.That(python, Does.StartWith("from openai import OpenAI\nclient = OpenAI()\n\ntools = ["));
        });
    }

    [Test]
    public void Spec_is_complete_every_reference_resolves()
    {
        // Not seed-only: a spec cut from upstream must be just as complete.
        var spec = YamlLoader.LoadFile(Repo.Spec);
        var schemas = (JObject)spec["components"]!["schemas"]!;
        var core = new[]
        {
            "CreateChatCompletionRequest", "CreateCompletionRequest", "ChatCompletionResponseMessage", "ChatCompletionTokenLogprob",
            "CompletionUsage", "CreateChatCompletionStreamResponse", "ChatCompletionStreamResponseDelta", "ChatCompletionRequestMessage",
            "ChatCompletionToolChoiceOption", "ChatCompletionNamedToolChoice", "FunctionObject",
        };

        // 2024-08-23 splits the seed's one content-part union per role; the normalizer merges them back under this name.
        var expected = SeedOnly.IsSeed ? core.Append("ChatCompletionRequestMessageContentPart") : core;
        var refs = spec.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").Select(p => ((string)p.Value!).Split('/').Last()).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(refs, Is.SubsetOf(schemas.Properties().Select(p => p.Name)));
            Assert.That(schemas.Properties().Select(p => p.Name), Is.SupersetOf(expected));
            Assert.That((string?)spec["openapi"], SeedOnly.IsSeed ? Is.EqualTo("3.0.0") : Does.Match(@"^3\.[01]\.\d+$"));
            Assert.DoesNotThrow(() => new SpecNormalizer(new NormalizeOptions()).Normalize(spec));
        });
    }

    [Test]
    public void Completed_schemas_match_the_api_of_the_seed_date()
    {
        SpecText();
        var reference = Repo.SharedSpec("openai-2024-02-23.yaml");
        if (reference == null)
        {
            Assert.Ignore("../shared/spec/openai-2024-02-23.yaml is not here; the facts check needs it.");
        }

        var ours = (JObject)YamlLoader.LoadFile(Repo.Spec)["components"]!["schemas"]!;
        var theirs = (JObject)YamlLoader.LoadFile(reference!)["components"]!["schemas"]!;
        Assert.Multiple(() =>
        {
            foreach (var schema in ours.Properties())
            {
                Assert.That(Facts(schema.Value).ToString(), Is.EqualTo(Facts(theirs[schema.Name]!).ToString()), schema.Name);
            }
        });
    }

    // The facts of a schema: everything but prose and examples.
    private static JToken Facts(JToken token)
    {
        var copy = token.DeepClone();
        foreach (var p in ((copy as JContainer)?.Descendants().OfType<JProperty>() ?? Enumerable.Empty<JProperty>()).ToList().Where(p => p.Name is "description" or "x-oaiMeta" or "example" && p.Parent?.Parent is not JProperty { Name: "properties" }).ToList())
        {
            p.Remove();
        }

        if (copy is JObject o)
        {
            o.Remove("description");
            o.Remove("x-oaiMeta");
        }

        return copy;
    }
}
