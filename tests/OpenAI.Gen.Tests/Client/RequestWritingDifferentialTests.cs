using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// The UTF-8 fast writer writes byte for byte what the Newtonsoft serializer writes, or declines: on every spec request
/// example, on mutations of them (tricky strings and numbers, nulls, unknown members), and on random DTOs of every
/// generated type. Where it declines, the body is Newtonsoft's, errors included.
/// </summary>
public class RequestWritingDifferentialTests
{
    private static readonly JsonSerializerSettings Settings = OpenAIJson.Default.CopySettings();
    private static readonly RequestBodyWriter Writer = OpenAIJson.Default.Writer;

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

    private static readonly string[] TrickyStrings = { "", "é日本😀", "\"\\/\t\n\r\f\b", "\u0000\u001f\u007f", "\u2028\u2029\u0085", "\ud800", "a\udc00b" };

    private static readonly JToken[] TrickyNumbers = { new JValue(-0.0), new JValue(1e21), new JValue(5e-324), new JValue(0.30000000000000004), new JValue(2.0), new JValue(long.MaxValue) };

    [TestCaseSource(nameof(RequestExamples))]
    public void Every_request_example_is_written_by_the_fast_path_as_Newtonsoft_writes_it(Type type, string example)
    {
        var typed = JsonConvert.DeserializeObject(example, type, Settings)!;

        var fast = Writer.TryWriteFast(typed);

        Assert.That(fast, Is.Not.Null, "the fast path declined a spec example");
        Assert.That(Encoding.UTF8.GetString(fast!), Is.EqualTo(Encoding.UTF8.GetString(Writer.WriteWithSerializer(typed))));
        Assert.That(fast, Is.EqualTo(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(typed, Settings))));
    }

    [TestCaseSource(nameof(RequestExamples))]
    public void Mutations_of_a_request_example_are_written_as_Newtonsoft_writes_them(Type type, string example)
    {
        var root = JObject.Parse(example);
        var differences = new List<string>();
        var (cases, fastCases) = (0, 0);
        foreach (var mutated in Mutations(root))
        {
            object typed;
            try
            {
                typed = mutated.ToObject(type, JsonSerializer.Create(Settings))!;
            }
            catch (JsonException)
            {
                continue;
            }

            var fast = Compare(typed, mutated.ToString(Formatting.None), differences);
            cases += fast is null ? 0 : 1;
            fastCases += fast == true ? 1 : 0;
        }

        TestContext.Out.WriteLine($"{cases} mutations read, {fastCases} written by the fast path");
        Assert.That(differences, Is.Empty, string.Join("\n", differences.Take(5)));
        Assert.That(fastCases, Is.GreaterThan(cases / 2), "the fast path declined most mutations");
    }

    [Test]
    public void Random_DTOs_of_every_generated_type_are_written_as_Newtonsoft_writes_them()
    {
        var differences = new List<string>();
        var (cases, fastCases) = (0, 0);
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new RandomBodies(seed);
            foreach (var type in RandomBodies.DtoTypes)
            {
                var value = random.Create(type, fill: seed % 3 == 0 ? 0.9 : 0.5);
                var fast = Compare(value, $"seed {seed} {type.Name}", differences);
                cases += fast is null ? 0 : 1;
                fastCases += fast == true ? 1 : 0;
            }
        }

        TestContext.Out.WriteLine($"{cases} DTOs Newtonsoft writes, {fastCases} of them written by the fast path");
        Assert.That(differences, Is.Empty, string.Join("\n", differences.Take(5)));
        Assert.That(fastCases, Is.GreaterThan(cases * 2 / 3), "the fast path declined most DTOs");
    }

    [Test]
    public void What_the_fast_path_declines_is_written_by_Newtonsoft()
    {
        var request = new CreateChatCompletionRequest { Model = "m", Messages = { ChatMessage.User("hi") }, Temperature = double.NaN };
        request.AdditionalProperties["when"] = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        Assert.That(Writer.TryWriteFast(request), Is.Null);
        Assert.That(Encoding.UTF8.GetString(Writer.Write(request)), Is.EqualTo(JsonConvert.SerializeObject(request, Settings))
            .And.Contain("\"temperature\":\"NaN\"").And.Contain("\"when\":\"2024-01-02T03:04:05Z\""));
    }

    [Test]
    public void A_required_member_set_to_null_fails_as_Newtonsoft_fails()
    {
        var request = new CreateChatCompletionRequest { Model = "m", Messages = { ChatMessage.User("hi") } };
        var required = RequiredMember.Of<CreateChatCompletionRequest>();
        required.ValueProvider!.SetValue(request, null);

        Assert.That(Writer.TryWriteFast(request), Is.Null);
        var error = Assert.Throws<JsonSerializationException>(() => Writer.Write(request))!;
        Assert.That(error.Message, Does.Contain($"'{required.PropertyName}'"));
    }

    [Test]
    public void A_reference_loop_fails_as_Newtonsoft_fails()
    {
        var loop = new Dictionary<string, object>();
        loop["self"] = loop;
        var request = new CreateChatCompletionRequest { Model = "m", Messages = { ChatMessage.User("hi") } };
        request.AdditionalProperties["loop"] = loop;

        Assert.That(Writer.TryWriteFast(request), Is.Null);
        var error = Assert.Throws<JsonSerializationException>(() => Writer.Write(request))!;
        Assert.That(error.Message, Does.Contain("Self referencing loop"));
    }

    // Whether the fast path wrote it (null where Newtonsoft fails); a difference from Newtonsoft (bytes, or an error one
    // side alone raises) is recorded.
    private static bool? Compare(object value, string name, List<string> differences)
    {
        string expected;
        try
        {
            expected = JsonConvert.SerializeObject(value, Settings);
        }
        catch (Exception e)
        {
            if (Writer.TryWriteFast(value) is { } written)
            {
                differences.Add($"{name}: Newtonsoft fails ({e.Message}), the fast path wrote {Encoding.UTF8.GetString(written)}");
            }

            try
            {
                Writer.Write(value);
                differences.Add($"{name}: Newtonsoft fails ({e.Message}), the writer does not");
            }
            catch (Exception w) when (w.GetType() != e.GetType() || w.Message != e.Message)
            {
                differences.Add($"{name}: Newtonsoft fails with {e.Message}, the writer with {w.Message}");
            }
            catch (Exception)
            {
                // The same failure.
            }

            return null;
        }

        var fast = Writer.TryWriteFast(value);
        var expectedBytes = Encoding.UTF8.GetBytes(expected);
        if (fast != null && !fast.AsSpan().SequenceEqual(expectedBytes))
        {
            differences.Add($"{name}:\n  fast:       {Encoding.UTF8.GetString(fast)}\n  newtonsoft: {expected}");
        }

        if (!Writer.Write(value).AsSpan().SequenceEqual(expectedBytes))
        {
            differences.Add($"{name}: the writer's body differs from Newtonsoft's");
        }

        return fast != null;
    }

    // Each value replaced by null, by each tricky string and number; an unknown member of each kind added to each object.
    private static IEnumerable<JObject> Mutations(JObject root)
    {
        var values = root.Descendants().Where(t => t is JValue or JContainer && t is not JProperty).Select(t => t.Path).ToList();
        foreach (var path in values)
        {
            foreach (var with in TrickyStrings.Select(s => (JToken)new JValue(s)).Concat(TrickyNumbers).Append(JValue.CreateNull()).Append(new JValue(true)))
            {
                var copy = (JObject)root.DeepClone();
                var target = copy.SelectToken(path);
                if (target != null && !ReferenceEquals(target, copy))
                {
                    target.Replace(with.DeepClone());
                    yield return copy;
                }
            }
        }

        foreach (var path in root.DescendantsAndSelf().OfType<JObject>().Select(o => o.Path).ToList())
        {
            foreach (var extra in new JToken[] { new JValue("x\u2028"), new JValue(3), new JValue(2.5), JValue.CreateNull(), JObject.Parse("{\"a\":[1,\"b\",null]}") })
            {
                var copy = (JObject)root.DeepClone();
                ((JObject)(path.Length == 0 ? copy : copy.SelectToken(path)!)).Add("unknown_member", extra.DeepClone());
                yield return copy;
            }
        }
    }
}
