using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>Messages (by <c>role</c>) and content parts (by <c>type</c>): unknown tags are kept whole and written back.</summary>
public class TaggedUnionTests
{
    [Test]
    public void A_message_of_an_unknown_role_is_kept_whole_and_written_back()
    {
        // A role no spec has (developer, unknown to the 2024 specs, is known to the 2025 ones).
        const string json = "{\"name\":\"ops\",\"role\":\"x_auditor\",\"content\":[{\"type\":\"text\",\"text\":\"Be brief.\"}],\"weight\":0.5}";
        var message = WireJson.AssertRoundTrip<ChatCompletionRequestMessage>(json);
        var unknown = (ChatCompletionRequestMessageUnknown)message;
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Role, Is.EqualTo("x_auditor"));
            Assert.That(unknown.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "name", "role", "content", "weight" }));
            Assert.That(WireJson.Write(message), Does.Not.Contain("\"Role\""), "the Role accessor is not a JSON member");
        });
    }

    [Test]
    public void Unknown_content_part_is_kept_whole_and_written_back()
    {
        // A part type no spec has (a type one spec lacks, such as input_audio, is known to the next).
        const string json = "{\"type\":\"x_hologram\",\"x_hologram\":{\"data\":\"UklGRg==\",\"format\":\"obj\"}}";
        var part = WireJson.AssertRoundTrip<ChatCompletionRequestMessageContentPart>(json);
        Assert.That(((ChatCompletionRequestMessageContentPartUnknown)part).Type, Is.EqualTo("x_hologram"));
    }

    [Test]
    public void An_unknown_variant_can_be_built_in_code_to_send_a_role_this_client_does_not_know()
    {
        var message = new ChatCompletionRequestMessageUnknown { AdditionalProperties = { ["role"] = "developer", ["content"] = "Be brief." } };
        Assert.Multiple(() =>
        {
            Assert.That(message.Role, Is.EqualTo("developer"));
            Assert.That(WireJson.Write(message), Is.EqualTo("{\"role\":\"developer\",\"content\":\"Be brief.\"}"));
        });
    }

    [Test]
    public void Known_members_and_unknown_members_of_a_known_variant_both_survive()
    {
        var message = WireJson.AssertRoundTrip<ChatCompletionRequestMessage>("{\"content\":\"s\",\"role\":\"system\",\"cache\":{\"ttl\":5}}");
        Assert.That(((ChatCompletionRequestSystemMessage)message).AdditionalProperties.Keys, Is.EqualTo(new[] { "cache" }));
    }

    [Test]
    public void Date_like_strings_in_messages_stay_strings_even_with_default_json_settings()
    {
        const string json = "{\"role\":\"developer\",\"content\":\"2024-08-06T12:00:00.000+02:00\",\"at\":\"2024-08-06\"}";
        var message = JsonConvert.DeserializeObject<ChatCompletionRequestMessage>(json);
        Assert.That(JsonConvert.SerializeObject(message), Is.EqualTo(json));
        var system = JsonConvert.DeserializeObject<ChatCompletionRequestMessage>("{\"role\":\"system\",\"content\":\"2024-08-06T12:00:00Z\"}");
        Assert.That(JsonConvert.SerializeObject(system), Is.EqualTo("{\"role\":\"system\",\"content\":\"2024-08-06T12:00:00Z\"}"));
    }

    [Test]
    public void Messages_can_be_written_from_many_threads_at_once()
    {
        // The converter re-enters the serializer with a per-thread flag; parallel writers must not see each other's.
        var request = WireJson.Read<CreateChatCompletionRequest>(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"x\"}]},{\"role\":\"developer\",\"content\":\"d\"}]}");
        var expected = WireJson.Write(request);
        var results = new string[400];
        Parallel.For(0, results.Length, i => results[i] = WireJson.Write(request));
        Assert.That(results.Distinct(), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void A_long_data_url_image_round_trips()
    {
        var data = "data:image/png;base64," + new string('A', 300_000);
        var part = ChatContentPart.ImageUrl(data);
        var json = WireJson.Write(part);
        Assert.That(WireJson.Parse(json)["image_url"]!["url"]!.ToString(), Is.EqualTo(data));
        Assert.That(WireJson.Write(WireJson.Read<ChatCompletionRequestMessageContentPart>(json)), Is.EqualTo(json));
    }

    [Test]
    public void A_part_object_names_its_own_path_when_read_alone()
    {
        var e = Assert.Throws<JsonSerializationException>(() => WireJson.Read<ChatCompletionRequestMessageContentPart>("{\"text\":\"no type\"}"));
        Assert.That(e!.Message, Does.Contain("'type'").And.Contain(UnionTags.Of<ChatCompletionRequestMessageContentPart>()));
    }
}
