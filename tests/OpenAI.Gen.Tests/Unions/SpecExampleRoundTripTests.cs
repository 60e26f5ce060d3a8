using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>Every request example of the spec's x-oaiMeta reads into the typed request and writes back the same JSON.</summary>
public class SpecExampleRoundTripTests
{
    // The DTO of an operation's JSON request: the class generated for the schema its request body names.
    private static Type? RequestType(string path) =>
        (string?)SpecExamples.Spec["paths"]![path]!["post"]!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"] is { } reference
            ? typeof(OpenAIClient).Assembly.GetType("OpenAI.Gen." + reference.Substring(reference.LastIndexOf('/') + 1))
            : null;

    public static IEnumerable<TestCaseData> Examples()
    {
        foreach (var path in ((JObject)SpecExamples.Spec["paths"]!).Properties())
        {
            if (path.Value["post"]?["x-oaiMeta"]?["examples"] is not JArray examples)
            {
                continue;
            }

            foreach (var example in examples.OfType<JObject>())
            {
                var title = (string)example["title"]!;
                yield return new TestCaseData(path.Name, title).SetName($"Request example '{title}' of {path.Name} round-trips");
            }
        }
    }

    [Test]
    public void The_spec_has_the_request_examples_this_suite_expects()
    {
        var found = Examples().Select(e => $"{e.Arguments[0]} {e.Arguments[1]}").ToList();
        Assert.That(found, Is.SupersetOf(new[]
        {
            "/chat/completions Default", "/chat/completions Image input", "/chat/completions Streaming",
            "/chat/completions Functions", "/chat/completions Logprobs", "/completions No streaming", "/completions Streaming",
        }));
    }

    [TestCaseSource(nameof(Examples))]
    public void Request_example_round_trips(string path, string title)
    {
        var body = SpecExamples.RequestBody(path, title);
        if (body.Length == 0 && ((string?)SpecExamples.Example(path, title)["request"]?["curl"])?.Contains(" -F ") == true)
        {
            Assert.Ignore($"'{title}' of {path} uploads a form (curl -F), not JSON: no JSON request to round-trip.");
        }

        if (body.Length == 0 && (bool?)SpecExamples.Spec["paths"]![path]!["post"]!["requestBody"]?["required"] != true)
        {
            Assert.Ignore($"'{title}' of {path} sends no body, which the spec allows: no JSON request to round-trip.");
        }

        Assert.That(body, Is.Not.Empty, $"the curl snippet of '{title}' has no -d body");
        body = Repaired(path, title) ?? body;
        var type = RequestType(path);
        Assert.That(type, Is.Not.Null, $"no request type for {path}: its JSON request body names no schema the client has a class for");

        var typed = typeof(WireJson).GetMethod(nameof(WireJson.AssertRoundTrip))!.MakeGenericMethod(type!).Invoke(null, new object[] { body })!;

        // Every member of the example is one the client knows: nothing fell back to AdditionalProperties.
        var extra = typed.GetType().GetProperty("AdditionalProperties")?.GetValue(typed) as IDictionary<string, object> ?? new Dictionary<string, object>();
        Assert.That(extra.Keys, Is.Empty, $"members of '{title}' the typed request does not know");
        if (typed is CreateChatCompletionRequest chat)
        {
            Assert.That(chat.Messages, Has.None.InstanceOf<ChatCompletionRequestMessageUnknown>());
            Assert.That(chat.Messages.OfType<ChatCompletionRequestUserMessage>().Where(u => u.Content.IsParts)
                .SelectMany(u => { u.Content.TryGetParts(out var parts); return parts!; }), Has.None.InstanceOf<ChatCompletionRequestMessageContentPartUnknown>());
        }
    }

    // The body as the example validator reads it where the spec writes it broken (a missing comma, which the validator
    // repairs and reports as a Defect finding), else null.
    private static string? Repaired(string path, string title)
    {
        var example = SpecDocument.Embedded.Examples.First(e => e.HttpPath == path && string.Equals(e.HttpMethod, "post", StringComparison.OrdinalIgnoreCase) && e.Title == title);
        var read = new ExampleValidator(SpecDocument.Embedded).Validate(example.Request!);
        return read.Findings.Any(f => f.Category == FindingCategory.Defect) && read.Values.FirstOrDefault() is { } value ? value.ToString() : null;
    }

    [Test]
    public void Image_input_example_reads_as_typed_parts()
    {
        var request = WireJson.Read<CreateChatCompletionRequest>(SpecExamples.RequestBody("/chat/completions", "Image input"));
        var user = (ChatCompletionRequestUserMessage)request.Messages.Single();
        Assert.That(user.Content.TryGetParts(out var parts), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(((ChatCompletionRequestMessageContentPartText)parts![0]).Text, Does.StartWith("What").And.EndWith("s in this image?"), "the seed has a typographic apostrophe, 2024-08-23 the text '''");
            Assert.That(((ChatCompletionRequestMessageContentPartImage)parts[1]).ImageUrl.Url.OriginalString, Does.StartWith("https://upload.wikimedia.org/"));
            Assert.That(Specified.IsSet(((ChatCompletionRequestMessageContentPartImage)parts[1]).ImageUrl, "Detail"), Is.False, "detail was not sent, so it is not written");
        });
    }

    [Test]
    public void Functions_example_reads_tools_and_tool_choice()
    {
        var request = WireJson.Read<CreateChatCompletionRequest>(SpecExamples.RequestBody("/chat/completions", "Functions"));
        Assert.Multiple(() =>
        {
            Assert.That(request.ToolChoice!.IsAuto, Is.True);
            Assert.That((string?)WireJson.Parse(WireJson.Write(request.Tools!.Single()))["type"], Is.EqualTo("function"));
            Assert.That(request.Tools!.OfType<ChatCompletionTool>().Single().Function.Name, Is.EqualTo("get_current_weather"));
            Assert.That(((JToken)request.Tools!.OfType<ChatCompletionTool>().Single().Function.Parameters!.AdditionalProperties["required"]).ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("[\"location\"]"));
        });
    }
}
