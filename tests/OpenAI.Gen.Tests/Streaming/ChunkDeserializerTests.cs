using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>
/// The UTF-8 fast path must read every chunk it accepts exactly as the Newtonsoft serializer does (same values,
/// same set/unset members, same extension data types), and must decline what it does not copy.
/// </summary>
public class ChunkDeserializerTests
{
    private const string Head = "\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-test\"";

    private static readonly ChunkDeserializer Deserializer = OpenAIJson.Default.Chunks;

    private static string Chat(string choice, string extra = "") => "{" + Head + extra + ",\"choices\":[" + choice + "]}";

    private static string Choice(string delta, string rest = ",\"logprobs\":null,\"finish_reason\":null") => "{\"index\":0,\"delta\":" + delta + rest + "}";

    private static IEnumerable<TestCaseData> AcceptedChat()
    {
        yield return new TestCaseData(Chat(Choice("{\"content\":\" quick\"}"), ",\"system_fingerprint\":\"fp_1\"")).SetName("content chunk");
        yield return new TestCaseData(Chat(Choice("{\"role\":\"assistant\",\"content\":\"\"}"))).SetName("role chunk");
        yield return new TestCaseData(Chat(Choice("{}", ",\"logprobs\":null,\"finish_reason\":\"stop\""))).SetName("finish chunk");
        yield return new TestCaseData(Chat(Choice("{\"content\":null}", ",\"finish_reason\":\"brand_new\""), ",\"system_fingerprint\":null")).SetName("nulls and an unknown enum value");
        yield return new TestCaseData(Chat(Choice("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}"))).SetName("tool call head");
        yield return new TestCaseData(Chat(Choice("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"a\\\": \\\"\\u00e9\\\\n\\\"}\"}}]}"))).SetName("tool call fragment with escapes");
        yield return new TestCaseData(Chat(Choice("{\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}}"))).SetName("legacy function call");
        yield return new TestCaseData(Chat(Choice("{\"content\":\"Hi\"}", ",\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.25,\"bytes\":[72,105],\"top_logprobs\":[{\"token\":\"Hi\",\"logprob\":-0.25,\"bytes\":null}]}],\"refusal\":null},\"finish_reason\":null"))).SetName("logprobs");
        yield return new TestCaseData(Chat(Choice("{\"content\":\"x\",\"refusal\":null,\"reasoning_content\":\"r\"}"), ",\"service_tier\":\"default\",\"obfuscation\":\"abc\",\"usage\":null")).SetName("unknown string and null members");
        yield return new TestCaseData("{" + Head + ",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3,\"details\":[1,2.5,true]}}").SetName("unknown object member (usage chunk)");
        yield return new TestCaseData(Chat(Choice("{\"content\":\"x\"}"), ",\"n_int\":12345678901,\"n_float\":1.5,\"n_exp\":1e3,\"flag\":false,\"list\":[\"a\",{\"b\":null}]")).SetName("unknown numbers, booleans and arrays");
        yield return new TestCaseData("{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0}]}").SetName("proxy chunk with empty object");
        yield return new TestCaseData(" {\n" + Head + ",\n\"choices\" : [ ] } ").SetName("whitespace");
        yield return new TestCaseData("{\"choices\":[]}").SetName("missing required members");
    }

    private static IEnumerable<TestCaseData> DeclinedChat()
    {
        yield return new TestCaseData(Chat(Choice("{\"content\":1}"))).SetName("a number for a string");
        yield return new TestCaseData("{" + Head.Replace("1700000000", "\"1700000000\"") + ",\"choices\":[]}").SetName("a string for an int");
        yield return new TestCaseData("{" + Head.Replace("\"id\"", "\"ID\"") + ",\"choices\":[]}").SetName("a member name in other case");
        yield return new TestCaseData("{\"$id\":\"1\"," + Head + ",\"choices\":[]}").SetName("a metadata member");
        yield return new TestCaseData("{\"i\\u0064\":\"x\"," + Head.Substring(Head.IndexOf(',') + 1) + ",\"choices\":[]}").SetName("an escaped member name");
        yield return new TestCaseData("{" + Head + ",\"model\":\"again\",\"choices\":[]}").SetName("a member twice");
        yield return new TestCaseData("{" + Head + ",\"choices\":[],}").SetName("a trailing comma");
        yield return new TestCaseData("{" + Head + ",/* c */\"choices\":[]}").SetName("a comment");
        yield return new TestCaseData("{" + Head + ",\"choices\":[]}{}").SetName("content after the object");
        yield return new TestCaseData("{" + Head + ",\"choices\":[null]}").SetName("a null list item");
        yield return new TestCaseData("{" + Head + ",\"choices\":[]").SetName("truncated");
        yield return new TestCaseData(Chat(Choice("{}", ",\"logprobs\":{\"content\":\"x\"},\"finish_reason\":null"))).SetName("a member Newtonsoft refuses");
        yield return new TestCaseData(Chat(Choice("{}", ",\"logprobs\":{\"content\":[{\"token\":\"H\",\"logprob\":-1,\"bytes\":[72,null],\"top_logprobs\":[]}]},\"finish_reason\":null"))).SetName("a null item in a list of numbers");
    }

    private static void AssertSameAsNewtonsoft<T>(string json)
        where T : class
    {
        Assert.That(Deserializer.TryRead<T>(Encoding.UTF8.GetBytes(json), new RepeatedValues(), out var fast), Is.True, "the fast path reads this chunk");
        var reference = Deserializer.Serializer.Deserialize<T>(new JsonTextReader(new StringReader(json)))!;

        var fastJson = JToken.FromObject(fast!, Deserializer.Serializer);
        var referenceJson = JToken.FromObject(reference, Deserializer.Serializer);
        Assert.That(JToken.DeepEquals(fastJson, referenceJson), Is.True, $"fast:\n{fastJson}\nNewtonsoft:\n{referenceJson}");
        Assert.That(ExtensionValueTypes(fast!), Is.EqualTo(ExtensionValueTypes(reference)), "extension data holds the same CLR types");
    }

    // Every AdditionalProperties value in the graph, as "path: type", so a long/double/JValue mix-up shows.
    private static List<string> ExtensionValueTypes(object root)
    {
        var found = new List<string>();
        void Walk(object? node, string path)
        {
            if (node == null || node is string || node.GetType().IsPrimitive || node is ExtensibleEnum)
            {
                return;
            }

            if (node is System.Collections.IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]");
                }

                return;
            }

            foreach (var property in node.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            {
                var value = property.GetValue(node);
                if (property.Name == "AdditionalProperties" && value is IDictionary<string, object> extra)
                {
                    found.AddRange(extra.Select(e => $"{path}.{e.Key}: {e.Value?.GetType().Name ?? "null"} {e.Value}"));
                }
                else if (value is not IDictionary<string, object>)
                {
                    Walk(value, path + "." + property.Name);
                }
            }
        }

        Walk(root, "$");
        return found;
    }

    [TestCaseSource(nameof(AcceptedChat))]
    public void Reads_chat_chunks_as_Newtonsoft_does(string json) => AssertSameAsNewtonsoft<CreateChatCompletionStreamResponse>(json);

    [TestCase("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"text\":\"This\",\"index\":0,\"logprobs\":null,\"finish_reason\":null}]}", TestName = "Reads a completion chunk whose finish_reason is null")]
    [TestCase("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"fp\",\"choices\":[{\"text\":\" is\",\"index\":1,\"logprobs\":{\"tokens\":[\" is\"],\"token_logprobs\":[-0.5],\"top_logprobs\":[{\" is\":-0.5}],\"text_offset\":[4]},\"finish_reason\":\"length\"}]}", TestName = "Reads a completion chunk with logprobs")]
    [TestCase("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}", TestName = "Reads a completion usage chunk")]
    public void Reads_completion_chunks_as_Newtonsoft_does(string json) => AssertSameAsNewtonsoft<CreateCompletionResponse>(json);

    [Test]
    public void Unknown_members_keep_the_types_Newtonsoft_gives_them()
    {
        var json = Chat(Choice("{\"content\":\"x\",\"reasoning_content\":null}"), ",\"obfuscation\":\"abc\",\"n_int\":12345678901,\"n_float\":1.5,\"flag\":false,\"list\":[\"a\"]");
        Assert.That(Deserializer.TryRead<CreateChatCompletionStreamResponse>(Encoding.UTF8.GetBytes(json), new RepeatedValues(), out var chunk), Is.True);
        var extra = chunk!.AdditionalProperties;
        Assert.Multiple(() =>
        {
            Assert.That(extra["obfuscation"], Is.EqualTo("abc"));
            Assert.That(extra["n_int"], Is.EqualTo(12345678901L).And.TypeOf<long>());
            Assert.That(extra["n_float"], Is.EqualTo(1.5).And.TypeOf<double>());
            Assert.That(extra["flag"], Is.EqualTo(false));
            Assert.That(extra["list"], Is.TypeOf<JArray>());
            Assert.That(chunk.Choices[0].Delta.AdditionalProperties.ContainsKey("reasoning_content"), Is.True);
            Assert.That(chunk.Choices[0].Delta.AdditionalProperties["reasoning_content"], Is.Null);
            Assert.That(Specified.IsSet(chunk, "SystemFingerprint"), Is.False, "an absent member stays unset");
        });
    }

    [Test]
    public void Values_repeated_within_a_stream_are_shared_and_changed_ones_read_again()
    {
        // One RepeatedValues per stream: later chunks get the earlier instances where their JSON is the same.
        var repeats = new RepeatedValues();
        CreateChatCompletionStreamResponse Read(string json)
        {
            Assert.That(Deserializer.TryRead<CreateChatCompletionStreamResponse>(Encoding.UTF8.GetBytes(json), repeats, out var chunk), Is.True);
            return chunk!;
        }

        var first = Read(Chat(Choice("{\"content\":\"a\"}")));
        var same = Read(Chat(Choice("{\"content\":\"a\"}")));
        var changed = Read("{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000001,\"model\":\"gpt-t\\u00e9st\",\"choices\":[" + Choice("{\"content\":\"\u00e9\"}").Replace("\"index\":0", "\"index\":1") + "]}");
        var nonAscii = Read("{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000001,\"model\":\"gpt-t\u00e9st\",\"choices\":[" + Choice("{\"content\":\"\u00e9\"}") + "]}");
        Assert.Multiple(() =>
        {
            Assert.That(same.Id, Is.SameAs(first.Id), "a repeated id is not decoded again");
            Assert.That(same.Model, Is.SameAs(first.Model));
            Assert.That(same.Choices[0].Delta.Content, Is.SameAs(first.Choices[0].Delta.Content));
            Assert.That(changed.Id, Is.EqualTo("chatcmpl-2"));
            Assert.That(changed.Created, Is.EqualTo(1700000001));
            Assert.That(changed.Model, Is.EqualTo("gpt-t\u00e9st"), "an escaped value is decoded");
            Assert.That(changed.Choices[0].Index, Is.EqualTo(1));
            Assert.That(changed.Choices[0].Delta.Content, Is.EqualTo("\u00e9"));
            Assert.That(nonAscii.Model, Is.EqualTo("gpt-t\u00e9st"), "non-ASCII UTF-8 is compared by decoding");
            Assert.That(nonAscii.Id, Is.SameAs(changed.Id));
            Assert.That(nonAscii.Choices[0].Index, Is.EqualTo(0), "a changed number is not the previous box");
            Assert.That(first.Id, Is.EqualTo("chatcmpl-1"), "earlier chunks keep their values");
            Assert.That(first.Choices[0].Index, Is.EqualTo(0));
        });
    }

    [Test]
    public void Random_chunks_are_read_as_Newtonsoft_reads_them_or_declined()
    {
        // Chunks built from random members, values of random (often wrong) types, nulls, escapes and unknown members.
        var random = new Random(20240223);
        string[] strings = ["\"a\"", "\"\"", "\"\\u00e9\\n\\\"x\"", "\"stop\"", "\"🙂\""];
        string[] others = ["null", "0", "-1", "1.5", "12345678901", "true", "[]", "[1,\"a\"]", "{}", "{\"k\":[null]}"];
        string Value(double stringBias) => random.NextDouble() < stringBias ? strings[random.Next(strings.Length)] : others[random.Next(others.Length)];
        string Members(params (string Name, Func<string> Value)[] members) =>
            "{" + string.Join(",", members.Where(_ => random.NextDouble() < 0.97).Select(m => "\"" + m.Name + "\":" + m.Value())
                .Concat(random.NextDouble() < 0.3 ? ["\"extra_" + random.Next(3) + "\":" + Value(0.5)] : [])) + "}";
        string Mostly(string valid, double stringBias) => random.NextDouble() < 0.95 ? valid : Value(stringBias);
        string Delta() => Members(("content", () => Value(0.9)), ("role", () => Value(0.9)),
            ("tool_calls", () => Mostly("[" + Members(("index", () => Mostly("0", 0.2)), ("id", () => Value(0.9)),
                ("function", () => Members(("name", () => Value(0.9)), ("arguments", () => Value(0.9))))) + "]", 0.3)));
        string Choice() => Members(("index", () => Mostly(random.Next(3).ToString(), 0.2)), ("delta", () => Mostly(Delta(), 0.2)),
            ("logprobs", () => Mostly("null", 0.2)), ("finish_reason", () => Value(0.9)));
        string Chunk() => Members(("id", () => Mostly("\"c\"", 0.5)), ("object", () => Value(0.95)), ("created", () => Mostly("1700000000", 0.2)),
            ("model", () => Mostly("\"m\"", 0.5)), ("system_fingerprint", () => Value(0.9)), ("choices", () => Mostly("[" + Choice() + "]", 0.2)));

        var accepted = 0;
        for (var i = 0; i < 3000; i++)
        {
            var json = Chunk();
            if (!Deserializer.TryRead<CreateChatCompletionStreamResponse>(Encoding.UTF8.GetBytes(json), new RepeatedValues(), out _))
            {
                continue;
            }

            accepted++;
            Assert.DoesNotThrow(() => AssertSameAsNewtonsoft<CreateChatCompletionStreamResponse>(json), json);
        }

        TestContext.Out.WriteLine($"{accepted} of 3000 random chunks took the fast path");
        Assert.That(accepted, Is.GreaterThan(600), "enough random chunks take the fast path to compare");
    }

    [TestCaseSource(nameof(DeclinedChat))]
    public void Declines_what_it_does_not_copy(string json) =>
        Assert.That(Deserializer.TryRead<CreateChatCompletionStreamResponse>(Encoding.UTF8.GetBytes(json), new RepeatedValues(), out _), Is.False);

    [Test]
    public void Declines_nesting_deeper_than_the_settings_allow()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));
        Assert.That(Deserializer.TryRead<CreateChatCompletionStreamResponse>(Encoding.UTF8.GetBytes(Chat(Choice("{}"), ",\"deep\":" + deep)), new RepeatedValues(), out _), Is.False);
    }

    [Test]
    public void The_chunk_settings_read_a_null_finish_reason_the_strict_ones_refuse()
    {
        var chunkSettings = OpenAIJson.Default.CopyChunkSettings();
        var chunk = "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"text\":\"Hi\",\"index\":0,\"logprobs\":null,\"finish_reason\":null}]}";

        var read = JsonConvert.DeserializeObject<CreateCompletionResponse>(chunk, chunkSettings)!;

        Assert.That(read.Choices[0].Text, Is.EqualTo("Hi"));
        Assert.That(read.Choices[0].FinishReason, Is.Null);
        Assert.That(JsonConvert.SerializeObject(read, chunkSettings), Does.Contain("\"finish_reason\":null"));
        Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<CreateCompletionResponse>(chunk, OpenAIJson.Default.CopySettings()));
        Assert.Throws<JsonReaderException>(() => JsonConvert.DeserializeObject<CreateCompletionResponse>(chunk + " {}", chunkSettings), "nothing may follow an event's value");
    }

    [Test]
    public async Task A_null_finish_reason_reads_in_a_chunk_and_in_a_whole_answer()
    {
        // The wire sends null where the spec requires a value: both readers take it (LenientContractResolver).
        var chunk = Encoding.UTF8.GetBytes("{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"text\":\"Hi\",\"index\":0,\"logprobs\":null,\"finish_reason\":null}]}");

        Assert.That(OpenAIJson.Default.Chunks.TryRead<CreateCompletionResponse>(chunk, new RepeatedValues(), out var read), Is.True);
        Assert.That(read!.Choices[0].FinishReason, Is.Null);
        var answer = await OpenAIJson.Default.Answers.ReadAsync<CreateCompletionResponse>(new System.Net.Http.ByteArrayContent(chunk), System.Threading.CancellationToken.None);
        Assert.That(answer!.Choices[0].FinishReason, Is.Null);
    }
}
