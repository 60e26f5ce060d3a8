using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>
/// A member an answer or chunk leaves out, required by the spec or not, stays out when what was read is written again,
/// on the UTF-8 fast path and on Newtonsoft alike; what a user builds still writes every required member.
/// </summary>
public class AbsentMemberTests
{
    private static readonly JsonSerializer Chunks = JsonSerializer.Create(OpenAIJson.Default.CopyChunkSettings());
    private static readonly Utf8FastReader Fast = new(Chunks, new FastShapeCache(LenientContractResolver.Instance), maxDepth: 128);

    private static IEnumerable<TestCaseData> Samples() =>
        ReadPathDifferentialTests.Samples().Select(s => new TestCaseData(s.Arguments).SetName("Members left out of " + s.TestName!.Split(" of ").Last() + " stay out"));

    private static string Written(object value) => Encoding.UTF8.GetString(OpenAIJson.Default.Writer.Write(value));

    private static object ReadWithNewtonsoft(Type type, string json) => Chunks.Deserialize(new JsonTextReader(new StringReader(json)), type)!;

    private static bool UnionTagRefused(Type type, string json)
    {
        try
        {
            ReadWithNewtonsoft(type, json);
            return false;
        }
        catch (JsonSerializationException e) when (e.Message.Contains(" variant (one of: ", StringComparison.Ordinal))
        {
            return true;
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void Each_member_left_out_stays_out_on_both_read_paths(Type type, string json)
    {
        var root = JObject.Parse(json);
        var required = ((JsonObjectContract)OpenAIContractResolver.Instance.ResolveContract(type)).Properties
            .Where(p => p.Required == Required.Always).Select(p => p.PropertyName!).ToList();
        var failures = new List<string>();
        var requiredLeftOut = new HashSet<string>();
        foreach (var property in root.Descendants().OfType<JProperty>().ToList())
        {
            var mutated = (JObject)root.DeepClone();
            mutated.SelectToken(property.Path)!.Parent!.Remove();
            var text = mutated.ToString(Formatting.None);
            if (UnionTagRefused(type, text))
            {
                // A tagged union's tag chooses the variant: left out, the object is refused with its path (the union
                // rule), on the fast path too.
                Assert.That(Fast.TryRead(Encoding.UTF8.GetBytes(text), type, null, out _), Is.False, property.Path);
                continue;
            }

            if (!Fast.TryRead(Encoding.UTF8.GetBytes(text), type, null, out var fast))
            {
                failures.Add($"{property.Path}: the fast path declined");
            }
            else if (!JToken.DeepEquals(JToken.Parse(Written(fast!)), mutated))
            {
                failures.Add($"{property.Path} (fast path): {Written(fast!)}");
            }

            if (!JToken.DeepEquals(JToken.Parse(Written(ReadWithNewtonsoft(type, text))), mutated))
            {
                failures.Add($"{property.Path} (Newtonsoft): {Written(ReadWithNewtonsoft(type, text))}");
            }

            if (property.Parent == root && required.Contains(property.Name))
            {
                requiredLeftOut.Add(property.Name);
            }
        }

        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(8)));
        Assert.That(requiredLeftOut, Is.EquivalentTo(required), "every required member of the top level was left out once");
    }

    [Test]
    public void A_required_member_set_after_reading_is_written()
    {
        var json = JObject.Parse(SpecAnswer());
        json.Remove("id");
        json.Remove("choices");
        var answer = (CreateChatCompletionResponse)ReadWithNewtonsoft(typeof(CreateChatCompletionResponse), json.ToString());

        Assert.That(answer.Choices, Is.Empty, "a required collection left out reads as empty, never null");
        answer.Id = "chatcmpl-set";
        var written = JObject.Parse(Written(answer));

        Assert.That((string?)written["id"], Is.EqualTo("chatcmpl-set"));
        Assert.That(written.ContainsKey("choices"), Is.False);
    }

    [Test]
    public void A_member_left_out_of_a_tagged_union_variant_stays_out()
    {
        // Tagged unions (messages by role) are created by their own converter, through the same lenient creator.
        var read = Chunks.Deserialize<ChatCompletionRequestMessage>(new JsonTextReader(new StringReader("{\"role\":\"user\"}")));

        Assert.That(read, Is.InstanceOf<ChatCompletionRequestUserMessage>());
        Assert.That(Written(read!), Is.EqualTo("{\"role\":\"user\"}"), "the required content stays out");
    }

    [Test]
    public void What_a_user_builds_writes_every_required_member()
    {
        // Messages filled through the getter (a collection initializer), never through the setter.
        var request = new CreateChatCompletionRequest { Model = "gpt-4o", Messages = { ChatMessage.User("hi") } };
        var response = new CreateChatCompletionResponse { Id = "chatcmpl-1", Model = "gpt-4o" };

        var writtenRequest = JObject.Parse(Written(request));
        var writtenResponse = JObject.Parse(Written(response));

        Assert.That(writtenRequest["messages"]?.Count(), Is.EqualTo(1));
        Assert.That((string?)writtenRequest["model"], Is.EqualTo("gpt-4o"));
        Assert.That((string?)writtenResponse["id"], Is.EqualTo("chatcmpl-1"));
        Assert.That(writtenResponse["choices"], Is.InstanceOf<JArray>().And.Empty, "a required member the user never touched is written as today");
    }

    private static string SpecAnswer() => Support.SpecExamples.Answers().First().Json;
}
