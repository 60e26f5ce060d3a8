using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Unions;

/// <summary><c>response_format</c> (an object with an open <c>type</c>) and <c>logit_bias</c> (token ID → bias).</summary>
public class RequestMemberTests
{
    private static CreateChatCompletionRequest Request() => new() { Model = "gpt-3.5-turbo-0125", Messages = { ChatMessage.User("hi") } };

    [Test]
    public void Response_format_json_object_is_written_and_read()
    {
        var request = Request();
        request.ResponseFormat = ResponseFormats.Read("{\"type\":\"json_object\"}");
        var json = WireJson.Write(request);
        Assert.That(json, Does.Contain("\"response_format\":{\"type\":\"json_object\"}"));
        var back = WireJson.Read<CreateChatCompletionRequest>(json);
        Assert.Multiple(() =>
        {
            Assert.That(ResponseFormats.TypeOf(back.ResponseFormat!), Is.EqualTo("json_object"));
            Assert.That(ResponseFormats.IsKnown(back.ResponseFormat!), Is.True);
        });
    }

    [Test]
    public void Response_format_known_types_include_text_and_json_object()
    {
        Assert.That(ResponseFormats.KnownTypes(), Is.SupersetOf(new[] { "text", "json_object" }));
    }

    // json_schema is newer than the seed (unknown there, a variant in 2024-08-23); xml_grammar is known to neither.
    [TestCase("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\",\"strict\":true}}")]
    [TestCase("{\"type\":\"xml_grammar\",\"xml_grammar\":{\"root\":\"answer\"}}")]
    public void Response_format_of_a_newer_type_is_sent_as_given(string format)
    {
        var request = Request();
        request.ResponseFormat = ResponseFormats.Read(format);
        var type = (string)WireJson.Parse(format)["type"]!;
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.Write(request), Does.Contain("\"response_format\":" + format));
            Assert.That(ResponseFormats.IsKnown(request.ResponseFormat), Is.EqualTo(ResponseFormats.KnownTypes().Contains(type)));
        });
    }

    [TestCase("{\"type\":\"text\"}")]
    [TestCase("null")]
    public void Response_format_shapes_round_trip(string format)
    {
        var request = WireJson.AssertRoundTrip<CreateChatCompletionRequest>("{\"model\":\"m\",\"messages\":[],\"response_format\":" + format + "}");
        Assert.That(Specified.IsSet(request, "ResponseFormat"), Is.True);
    }

    [Test]
    public void Response_format_without_type_round_trips_or_is_refused_by_a_tagged_union()
    {
        const string json = "{\"model\":\"m\",\"messages\":[],\"response_format\":{}}";
        if (ResponseFormats.IsTaggedUnion)
        {
            var e = Assert.Throws<Newtonsoft.Json.JsonSerializationException>(() => WireJson.Read<CreateChatCompletionRequest>(json));
            Assert.That(e!.Message, Does.Contain("'response_format.type'").And.Contain(string.Join(", ", ResponseFormats.KnownTypes())));
        }
        else
        {
            Assert.That(Specified.IsSet(WireJson.AssertRoundTrip<CreateChatCompletionRequest>(json), "ResponseFormat"), Is.True);
        }
    }

    [Test]
    public void Logit_bias_maps_token_ids_to_integers_in_order()
    {
        var request = Request();
        request.LogitBias = new Dictionary<string, int> { ["50256"] = -100, ["15"] = 5 };
        Assert.That(WireJson.Parse(WireJson.Write(request))["logit_bias"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"50256\":-100,\"15\":5}"));

        var back = WireJson.AssertRoundTrip<CreateCompletionRequest>("{\"model\":\"m\",\"prompt\":\"p\",\"logit_bias\":{\"50256\":-100,\"15\":5}}");
        Assert.That(back.LogitBias, Is.EqualTo(new Dictionary<string, int> { ["50256"] = -100, ["15"] = 5 }));
    }

    [Test]
    public void Logit_bias_null_is_sent_only_when_set()
    {
        var request = Request();
        Assert.That(WireJson.Write(request), Does.Not.Contain("logit_bias"));
        request.LogitBias = null;
        Assert.That(WireJson.Parse(WireJson.Write(request))["logit_bias"]?.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null));
        Assert.That(Specified.IsSet(WireJson.AssertRoundTrip<CreateChatCompletionRequest>("{\"model\":\"m\",\"messages\":[],\"logit_bias\":null}"), "LogitBias"), Is.True);
    }
}
