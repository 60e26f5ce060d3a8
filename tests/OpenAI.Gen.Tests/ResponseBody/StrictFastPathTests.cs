using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.ResponseBody;

/// <summary>
/// Answer bodies take the UTF-8 fast path with the client's strict contracts (the ones a plain Newtonsoft read uses):
/// it reads the spec's answers exactly as Newtonsoft does, and declines whatever Newtonsoft would refuse or read
/// differently, so errors still come from Newtonsoft with its path.
/// </summary>
public class StrictFastPathTests
{
    private static readonly JsonSerializerSettings Settings = OpenAIJson.Default.CopySettings();
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);
    private static readonly Utf8FastReader Reader = new(Serializer, new FastShapeCache(OpenAIContractResolver.Instance), chunks: false, maxDepth: 128);

    private static IEnumerable<TestCaseData> SpecAnswers() =>
        SpecExamples.Answers().Select(a => new TestCaseData(a.Type, a.Json).SetName(a.Name));

    // The spec's answers carry defects such as trailing commas, which Newtonsoft forgives: compact, valid JSON.
    private static string Compact(string answer) => JToken.Parse(answer).ToString(Formatting.None);

    private static object? Newtonsoft(Type type, string json) => Serializer.Deserialize(new JsonTextReader(new StringReader(json)), type);

    private static string Written(object value) => JsonConvert.SerializeObject(value, Settings);

    [TestCaseSource(nameof(SpecAnswers))]
    public void Reads_every_spec_answer_as_Newtonsoft_does(Type type, string json)
    {
        Assert.That(Reader.TryRead(Encoding.UTF8.GetBytes(json), type, null, out var fast), Is.True, "the fast path reads this answer");

        Assert.That(fast, Is.InstanceOf(type));
        Assert.That(Written(fast!), Is.EqualTo(Written(Newtonsoft(type, json)!)));
    }

    [Test]
    public void A_creation_time_after_2038_is_read()
    {
        // 2100-01-01: more seconds than an int holds.
        var answer = JObject.Parse(SpecExamples.Response("/chat/completions", "Default"));
        answer["created"] = 4102444800L;
        var json = answer.ToString(Formatting.None);

        Assert.That(Reader.TryRead(Encoding.UTF8.GetBytes(json), typeof(CreateChatCompletionResponse), null, out var fast), Is.True);
        Assert.That(((CreateChatCompletionResponse)fast!).Created, Is.EqualTo(4102444800L));
        Assert.That(((CreateChatCompletionResponse)Newtonsoft(typeof(CreateChatCompletionResponse), json)!).Created, Is.EqualTo(4102444800L));
    }

    [Test]
    public void Declines_a_null_where_the_strict_contract_requires_a_value()
    {
        // Streams accept a null finish_reason (every chunk but the last sends one); a whole answer may not.
        var json = Compact(SpecExamples.Response("/chat/completions", "Default")).Replace("\"finish_reason\":\"stop\"", "\"finish_reason\":null");

        Assert.That(Reader.TryRead(Encoding.UTF8.GetBytes(json), typeof(CreateChatCompletionResponse), null, out _), Is.False);
        var error = Assert.Throws<JsonSerializationException>(() => Newtonsoft(typeof(CreateChatCompletionResponse), json))!;
        Assert.That(error.Message, Does.Contain("'finish_reason'").And.Contain("choices[0]"), "Newtonsoft, reading again, names the place");
    }

    [Test]
    public void Declines_content_after_the_answer_which_a_plain_read_ignores()
    {
        var json = Compact(SpecExamples.Response("/chat/completions", "Default")) + " {}";

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
    public void Mutated_answers_are_read_as_Newtonsoft_reads_them_or_declined()
    {
        // Each member of the Logprobs answer in turn dropped, nulled, or given a value of another type.
        var answer = JObject.Parse(Compact(SpecExamples.Response("/chat/completions", "Logprobs")));
        var leaves = answer.DescendantsAndSelf().OfType<JProperty>().Select(p => p.Path).ToList();
        JToken[] replacements = [JValue.CreateNull(), new JValue("text"), new JValue(7), new JValue(2.5), new JValue(true), new JArray(), new JObject()];
        int accepted = 0, declined = 0;
        foreach (var path in leaves)
        {
            foreach (var replacement in replacements.Cast<JToken?>().Append(null))
            {
                var mutated = (JObject)answer.DeepClone();
                var property = (JProperty)mutated.SelectToken(path)!.Parent!;
                if (replacement == null)
                {
                    property.Remove();
                }
                else
                {
                    property.Value = replacement.DeepClone();
                }

                var json = mutated.ToString(Formatting.None);
                if (!Reader.TryRead(Encoding.UTF8.GetBytes(json), typeof(CreateChatCompletionResponse), null, out var fast))
                {
                    declined++;
                    continue;
                }

                accepted++;
                Assert.That(Written(fast!), Is.EqualTo(Written(Newtonsoft(typeof(CreateChatCompletionResponse), json)!)), json);
            }
        }

        TestContext.Out.WriteLine($"{leaves.Count} members x 8 mutations: {accepted} read on the fast path, {declined} declined");
        Assert.That(accepted, Is.GreaterThan(50));
        Assert.That(declined, Is.GreaterThan(50));
    }
}
