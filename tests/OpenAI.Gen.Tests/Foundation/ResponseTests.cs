using System.Linq;
using Newtonsoft.Json;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Foundation;

public class ResponseTests
{
    [Test]
    public void Default_chat_example_deserializes_with_every_field()
    {
        SeedOnly.Require();
        var response = JsonConvert.DeserializeObject<CreateChatCompletionResponse>(SpecExamples.Response("/chat/completions", "Default"))!;
        var choice = response.Choices.Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo("chatcmpl-123"));
            Assert.That(response.Object, Is.EqualTo(CreateChatCompletionResponseObject.ChatCompletion));
            Assert.That(response.Created, Is.EqualTo(1677652288));
            Assert.That(response.Model, Is.EqualTo("gpt-3.5-turbo-0613"));
#pragma warning disable CS0612 // system_fingerprint: deprecated by newer specs, still read.
            Assert.That(response.SystemFingerprint, Is.EqualTo("fp_44709d6fcb"));
#pragma warning restore CS0612
            Assert.That(choice.Index, Is.EqualTo(0));
            Assert.That(choice.Message.Role, Is.EqualTo(ChatCompletionResponseMessageRole.Assistant));
            Assert.That(choice.Message.Content, Is.EqualTo("\n\nHello there, how may I assist you today?"));
            Assert.That(choice.Logprobs, Is.Null);
            Assert.That(choice.FinishReason, Is.EqualTo(CreateChatCompletionResponseChoiceFinishReason.Stop));
            Assert.That(response.Usage!.PromptTokens, Is.EqualTo(9));
            Assert.That(response.Usage.CompletionTokens, Is.EqualTo(12));
            Assert.That(response.Usage.TotalTokens, Is.EqualTo(21));
            Assert.That(response.AdditionalProperties, Is.Empty);
        });
    }

    [Test]
    public void No_streaming_completion_example_deserializes_with_every_field()
    {
        SeedOnly.Require();
        var response = JsonConvert.DeserializeObject<CreateCompletionResponse>(SpecExamples.Response("/completions", "No streaming"))!;
        var choice = response.Choices.Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo("cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7"));
            Assert.That(response.Object, Is.EqualTo(CreateCompletionResponseObject.TextCompletion));
            Assert.That(response.Created, Is.EqualTo(1589478378));
            Assert.That(response.Model, Is.EqualTo("VAR_model_id"));
#pragma warning disable CS0612 // system_fingerprint: deprecated by newer specs, still read.
            Assert.That(response.SystemFingerprint, Is.EqualTo("fp_44709d6fcb"));
#pragma warning restore CS0612
            Assert.That(choice.Text, Is.EqualTo("\n\nThis is indeed a test"));
            Assert.That(choice.Index, Is.EqualTo(0));
            Assert.That(choice.Logprobs, Is.Null);
            Assert.That(choice.FinishReason, Is.EqualTo(CreateCompletionResponseChoiceFinishReason.Length));
            Assert.That(response.Usage!.PromptTokens, Is.EqualTo(5));
            Assert.That(response.Usage.CompletionTokens, Is.EqualTo(7));
            Assert.That(response.Usage.TotalTokens, Is.EqualTo(12));
        });
    }

    [Test]
    public void Unknown_finish_reason_from_a_newer_server_is_kept()
    {
        var json = "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null},\"logprobs\":null,\"finish_reason\":\"brand_new_reason\"}";
        var choice = JsonConvert.DeserializeObject<CreateChatCompletionResponseChoice>(json)!;
        Assert.Multiple(() =>
        {
            Assert.That(choice.FinishReason.Value, Is.EqualTo("brand_new_reason"));
            Assert.That(choice.FinishReason.IsKnown, Is.False);
            Assert.That(Newtonsoft.Json.Linq.JToken.DeepEquals(Newtonsoft.Json.Linq.JToken.Parse(JsonConvert.SerializeObject(choice)), Newtonsoft.Json.Linq.JToken.Parse(json)), Is.True);
        });
    }
}
