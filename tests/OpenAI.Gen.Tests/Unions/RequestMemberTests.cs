using System.Collections.Generic;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary><c>response_format</c> (an object with an open <c>type</c>) and <c>logit_bias</c> (token ID → bias).</summary>
public class RequestMemberTests
{
    private static CreateChatCompletionRequest Request() => new() { Model = CreateChatCompletionRequestModel.Gpt35Turbo0125, Messages = { ChatMessage.User("hi") } };

    [Test]
    public void Response_format_json_object_is_written_and_read()
    {
        var request = Request();
        request.ResponseFormat = new CreateChatCompletionRequestResponseFormat { Type = CreateChatCompletionRequestResponseFormatType.JsonObject };
        var json = WireJson.Write(request);
        Assert.That(json, Does.Contain("\"response_format\":{\"type\":\"json_object\"}"));
        var back = WireJson.Read<CreateChatCompletionRequest>(json);
        Assert.Multiple(() =>
        {
            Assert.That(back.ResponseFormat!.Type, Is.EqualTo(CreateChatCompletionRequestResponseFormatType.JsonObject));
            Assert.That(back.ResponseFormat.Type!.IsKnown, Is.True);
        });
    }

    [Test]
    public void Response_format_of_a_newer_type_is_sent_as_given()
    {
        var request = Request();
        request.ResponseFormat = new CreateChatCompletionRequestResponseFormat
        {
            Type = "json_schema",
            AdditionalProperties = { ["json_schema"] = new Dictionary<string, object> { ["name"] = "answer", ["strict"] = true } },
        };
        Assert.That(WireJson.Write(request), Does.Contain("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\",\"strict\":true}}"));
    }

    [TestCase("{}")]
    [TestCase("{\"type\":\"text\"}")]
    [TestCase("null")]
    public void Response_format_shapes_round_trip(string format)
    {
        var request = WireJson.AssertRoundTrip<CreateChatCompletionRequest>("{\"model\":\"m\",\"messages\":[],\"response_format\":" + format + "}");
        Assert.That(request.ShouldSerializeResponseFormat(), Is.True);
    }

    [Test]
    public void Logit_bias_maps_token_ids_to_integers_in_order()
    {
        var request = Request();
        request.LogitBias = new Dictionary<string, int> { ["50256"] = -100, ["15"] = 5 };
        Assert.That(WireJson.Write(request), Does.EndWith("\"logit_bias\":{\"50256\":-100,\"15\":5}}"));

        var back = WireJson.AssertRoundTrip<CreateCompletionRequest>("{\"model\":\"m\",\"prompt\":\"p\",\"logit_bias\":{\"50256\":-100,\"15\":5}}");
        Assert.That(back.LogitBias, Is.EqualTo(new Dictionary<string, int> { ["50256"] = -100, ["15"] = 5 }));
    }

    [Test]
    public void Logit_bias_null_is_sent_only_when_set()
    {
        var request = Request();
        Assert.That(WireJson.Write(request), Does.Not.Contain("logit_bias"));
        request.LogitBias = null;
        Assert.That(WireJson.Write(request), Does.EndWith("\"logit_bias\":null}"));
        Assert.That(WireJson.AssertRoundTrip<CreateChatCompletionRequest>("{\"model\":\"m\",\"messages\":[],\"logit_bias\":null}").ShouldSerializeLogitBias(), Is.True);
    }
}
