using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.ResponseBody;

/// <summary>
/// Answer bodies take the UTF-8 fast path with the contracts answers are read with (LenientContractResolver): it reads
/// the spec's answers exactly as Newtonsoft does, and declines whatever it does not copy, so errors still come from
/// Newtonsoft with its path. Mutations of every answer are compared in ReadPathDifferentialTests.
/// </summary>
public class FastPathTests
{
    // As whole answers are read: lenient contracts, content after the value not checked.
    private static readonly JsonSerializerSettings Settings = new(OpenAIJson.Default.CopyChunkSettings()) { CheckAdditionalContent = false };
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);
    private static readonly Utf8FastReader Reader = new(Serializer, new FastShapeCache(LenientContractResolver.Instance), maxDepth: 128);

    private static IEnumerable<TestCaseData> SpecAnswers() =>
        SpecExamples.Answers().Select(a => new TestCaseData(a.Type, a.Json).SetName(a.Name));

    private static object? Newtonsoft(Type type, string json) => Serializer.Deserialize(new JsonTextReader(new StringReader(json)), type);

    private static string Written(object value) => JsonConvert.SerializeObject(value, OpenAIJson.Default.CopySettings());

    [TestCaseSource(nameof(SpecAnswers))]
    public void Reads_every_spec_answer_as_Newtonsoft_does(Type type, string json)
    {
        Assert.That(Reader.TryRead(Encoding.UTF8.GetBytes(json), type, null, out var fast), Is.True, "the fast path reads this answer");

        Assert.That(fast, Is.InstanceOf(type));
        Assert.That(Written(fast!), Is.EqualTo(Written(Newtonsoft(type, json)!)));
    }

    [Test]
    public void Objects_whose_members_come_in_another_order_each_time_are_read_as_Newtonsoft_reads_them()
    {
        // The reader tries the member that followed last time first: a stream whose chunks change their order must not care.
        var chunks = new[]
        {
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":null}]}",
            "{\"model\":\"m\",\"choices\":[{\"finish_reason\":null,\"delta\":{\"role\":\"assistant\",\"content\":\"b\"},\"index\":1}],\"created\":2,\"id\":\"c\",\"object\":\"chat.completion.chunk\"}",
            "{\"choices\":[{\"delta\":{},\"index\":0,\"extra\":1,\"finish_reason\":\"stop\"}],\"id\":\"d\",\"created\":2,\"object\":\"chat.completion.chunk\",\"model\":\"n\"}",
        };
        var repeats = new RepeatedValues();
        foreach (var json in chunks.Concat(chunks.Reverse()).Concat(chunks))
        {
            Assert.That(Reader.TryRead(Encoding.UTF8.GetBytes(json), repeats, out CreateChatCompletionStreamResponse? fast), Is.True, json);
            Assert.That(Written(fast!), Is.EqualTo(Written(Newtonsoft(typeof(CreateChatCompletionStreamResponse), json)!)), json);
        }
    }

    [Test]
    public void A_creation_time_after_2038_is_read()
    {
        // 2100-01-01: more seconds than an int holds, in an answer with every member some spec requires (a required
        // member left out sends the answer to Newtonsoft).
        const string json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":4102444800,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";

        Assert.That(Reader.TryRead(Encoding.UTF8.GetBytes(json), typeof(CreateChatCompletionResponse), null, out var fast), Is.True);
        Assert.That(((CreateChatCompletionResponse)fast!).Created, Is.EqualTo(4102444800L));
        Assert.That(((CreateChatCompletionResponse)Newtonsoft(typeof(CreateChatCompletionResponse), json)!).Created, Is.EqualTo(4102444800L));
    }

    [Test]
    public void Declines_content_after_the_answer_which_a_plain_read_ignores()
    {
        var json = SpecExamples.Answers().First().Json + " {}";

        Assert.That(Reader.TryRead(Encoding.UTF8.GetBytes(json), typeof(CreateChatCompletionResponse), null, out _), Is.False);
        Assert.That(Newtonsoft(typeof(CreateChatCompletionResponse), json), Is.Not.Null);
    }

    [Test]
    public void Declines_value_types_and_types_without_an_object_contract()
    {
        Assert.That(Reader.TryRead("1"u8, typeof(int), null, out _), Is.False);
        Assert.That(Reader.TryRead("[]"u8, typeof(List<string>), null, out _), Is.False);
    }

    [Test]
    public void Leaves_a_type_whose_contract_insists_on_a_member_to_Newtonsoft()
    {
        // Under the strict contracts (requests) "choices" is required: Newtonsoft, not this reader, enforces that.
        Assert.That(new FastShapeCache(OpenAIContractResolver.Instance).For(typeof(CreateChatCompletionResponse)), Is.Null);
        Assert.That(new FastShapeCache(LenientContractResolver.Instance).For(typeof(CreateChatCompletionResponse)), Is.Not.Null);
    }
}
