using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using RichardSzalay.MockHttp;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// Request bodies are written by one cached serializer through pooled chars straight to UTF-8: the bytes are those of
/// <c>JsonConvert.SerializeObject</c> with the client's settings, encoded as <c>StringContent</c> encodes them.
/// </summary>
public class RequestBodyTests
{
    private static readonly JsonSerializerSettings Settings = OpenAIJson.Default.CopySettings();

    private static IEnumerable<TestCaseData> RequestExamples()
    {
        foreach (var title in new[] { "Default", "Image input", "Streaming", "Functions", "Logprobs" })
        {
            yield return new TestCaseData(typeof(CreateChatCompletionRequest), SpecExamples.RequestBody("/chat/completions", title)).SetName("chat " + title);
        }

        foreach (var title in new[] { "No streaming", "Streaming" })
        {
            yield return new TestCaseData(typeof(CreateCompletionRequest), SpecExamples.RequestBody("/completions", title)).SetName("completion " + title);
        }
    }

    private static string Written(object body) => Encoding.UTF8.GetString(OpenAIJson.Default.Writer.Write(body));

    [TestCaseSource(nameof(RequestExamples))]
    public void Every_request_example_is_written_as_JsonConvert_writes_it(Type type, string example)
    {
        var typed = JsonConvert.DeserializeObject(example, type, Settings)!;

        Assert.That(Written(typed), Is.EqualTo(JsonConvert.SerializeObject(typed, Settings)));
    }

    [TestCaseSource(nameof(RequestExamples))]
    public void The_client_resolver_writes_the_members_the_default_resolver_writes(Type type, string example)
    {
        // The client's resolver only reads the generated XSpecified flags without boxing; explicit nulls stay, unset stays out.
        var typed = JsonConvert.DeserializeObject(example, type, Settings)!;
        type.GetProperty("User")?.SetValue(typed, null);
        var plain = new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, MaxDepth = 128 };

        Assert.That(Settings.ContractResolver, Is.InstanceOf<OpenAIContractResolver>());
        Assert.That(JsonConvert.SerializeObject(typed, Settings), Is.EqualTo(JsonConvert.SerializeObject(typed, plain)).And.Contain("\"user\":null"));
    }

    [Test]
    public void A_body_larger_than_the_first_buffer_keeps_multibyte_text_intact()
    {
        var text = string.Concat(Enumerable.Repeat("héllo €uro 😀 \"quoted\"\n", 5000));
        var request = new CreateChatCompletionRequest { Model = "gpt-4o", Messages = { ChatMessage.User(text) } };

        var bytes = OpenAIJson.Default.Writer.Write(request);

        Assert.That(bytes, Is.EqualTo(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(request, Settings))));
        Assert.That(JsonConvert.DeserializeObject<CreateChatCompletionRequest>(Encoding.UTF8.GetString(bytes), Settings)!.Messages.Single(), Is.InstanceOf<ChatCompletionRequestUserMessage>());
    }

    [Test]
    public async Task A_lone_surrogate_is_sent_as_StringContent_sends_it()
    {
        var request = new CreateCompletionRequest { Model = "m", Prompt = "a\ud800b" };

        var expected = await new StringContent(JsonConvert.SerializeObject(request, Settings)).ReadAsByteArrayAsync();

        Assert.That(OpenAIJson.Default.Writer.Write(request), Is.EqualTo(expected));
        Assert.That(Encoding.UTF8.GetString(expected), Does.Contain("a\ufffdb"));
    }

    [Test]
    public void A_process_wide_JsonConvert_default_does_not_change_the_wire_format()
    {
        var request = new CreateCompletionRequest { Model = "m", Prompt = "p" };
        var before = Written(request);
        var previous = JsonConvert.DefaultSettings;
        JsonConvert.DefaultSettings = () => new JsonSerializerSettings { Formatting = Formatting.Indented, NullValueHandling = NullValueHandling.Ignore };
        try
        {
            Assert.That(Written(request), Is.EqualTo(before).And.Not.Contain("\n"));
        }
        finally
        {
            JsonConvert.DefaultSettings = previous;
        }
    }
}
