using System;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using RichardSzalay.MockHttp;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// A body holding null in a member the spec requires (read from a server that sent null there, or left unset) is refused
/// at the call with an <see cref="ArgumentException"/> naming the member's JSON path, and nothing is sent.
/// </summary>
public class RequiredNullTests
{
    private const string Answer = """{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[]}""";

    [Test]
    public void A_request_read_with_null_in_a_required_member_is_refused_naming_it()
    {
        // Read as answers are read: leniently, so the null the JSON holds is kept.
        var required = RequiredMember.Of<CreateChatCompletionRequest>().PropertyName!;
        var json = new JObject { ["model"] = "m", ["messages"] = new JArray(new JObject { ["role"] = "user", ["content"] = "Hi" }) };
        json[required] = JValue.CreateNull();
        var read = JsonConvert.DeserializeObject<CreateChatCompletionRequest>(
            json.ToString(), new JsonSerializerSettings { ContractResolver = LenientContractResolver.Instance })!;
        var (client, handler) = Client();

        var e = Assert.ThrowsAsync<ArgumentException>(() => client.CreateChatCompletionAsync(read));

        Assert.Multiple(() =>
        {
            Assert.That(e!.ParamName, Is.EqualTo("body"));
            Assert.That(e.Message, Does.StartWith($"The request body holds null at $.{required}, which the spec requires to have a value"));
            Assert.That(e.InnerException, Is.InstanceOf<JsonSerializationException>());
            Assert.That(handler.GetMatchCount(handler.Fallback), Is.Zero);
        });
    }

    [Test]
    public void A_null_required_member_deep_in_the_body_is_named_by_its_path_also_when_streaming()
    {
        var request = new CreateChatCompletionRequest
        {
            Model = "m",
            Messages = { new ChatCompletionRequestUserMessage { Content = "Hi" }, new ChatCompletionRequestUserMessage { Content = null! } },
        };
        var (client, _) = Client();

        var call = Assert.ThrowsAsync<ArgumentException>(() => client.CreateChatCompletionAsync(request));
        var stream = Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in client.CreateChatCompletionStreamAsync(request))
            {
            }
        });

        Assert.That(call!.Message, Does.Contain("null at $.messages[1].content,"));
        Assert.That(stream!.Message, Is.EqualTo(call.Message));
    }

    private static (OpenAIClient Client, MockHttpMessageHandler Handler) Client()
    {
        var handler = new MockHttpMessageHandler();
        handler.Fallback.Respond("application/json", Answer);
        return (new OpenAIClient(new HttpClient(handler), "sk-test"), handler);
    }
}
