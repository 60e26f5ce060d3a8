using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using RichardSzalay.MockHttp;

namespace OpenAI.Gen.Tests.ResponseBody;

/// <summary>The client reads answer bodies through pooled buffers and a cached serializer: same results and errors as a plain Newtonsoft read.</summary>
public class ResponseBodyReaderTests
{
    private static readonly string DefaultAnswer = SpecExamples.Response("/chat/completions", "Default");

    private static OpenAIClient ClientAnswering(byte[] body)
    {
        var handler = new MockHttpMessageHandler();
        handler.When(HttpMethod.Post, "https://api.openai.com/v1/chat/completions").Respond(_ =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        return new OpenAIClient(handler.ToHttpClient(), "sk-test-key");
    }

    private static CreateChatCompletionRequest Request() => new()
    {
        Model = "gpt-4o",
        Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } },
    };

    private static string Reserialize(OpenAIClient client, CreateChatCompletionResponse response) =>
        JsonConvert.SerializeObject(response, OpenAIJson.Default.CopySettings());

    [Test]
    public async Task Reads_the_spec_example_as_a_plain_Newtonsoft_stream_read_does()
    {
        var bytes = Encoding.UTF8.GetBytes(DefaultAnswer);
        var client = ClientAnswering(bytes);

        var response = await client.CreateChatCompletionAsync(Request(), CancellationToken.None);

        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(bytes)));
        var expected = JsonSerializer.Create(OpenAIJson.Default.CopySettings()).Deserialize<CreateChatCompletionResponse>(reader)!;
        Assert.That(Reserialize(client, response), Is.EqualTo(Reserialize(client, expected)));
        Assert.That(response.Choices[0].Message.Content, Is.Not.Empty);
    }

    [Test]
    public async Task Reads_a_body_larger_than_the_first_buffer_with_multibyte_text_intact()
    {
        // 3- and 4-byte UTF-8 sequences land across every buffer boundary of a ~40 KB body.
        var content = string.Concat(Enumerable.Repeat("héllo €uro 😀 ", 3000));
        var answer = JObject.Parse(DefaultAnswer);
        answer["choices"]![0]!["message"]!["content"] = content;
        var bytes = Encoding.UTF8.GetBytes(answer.ToString(Formatting.None));
        Assert.That(bytes.Length, Is.GreaterThan(16 * 1024));

        var response = await ClientAnswering(bytes).CreateChatCompletionAsync(Request(), CancellationToken.None);

        Assert.That(response.Choices[0].Message.Content, Is.EqualTo(content));
    }

    [Test]
    public async Task Skips_a_UTF8_byte_order_mark_as_a_stream_reader_does()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DefaultAnswer)).ToArray();

        var response = await ClientAnswering(bytes).CreateChatCompletionAsync(Request(), CancellationToken.None);

        Assert.That(response.Id, Is.EqualTo((string)JObject.Parse(DefaultAnswer)["id"]!));
    }

    [TestCase("{\"id\": \"chatcmpl-1\", \"choices\": [")]
    [TestCase("not json")]
    [TestCase("")]
    public void A_body_that_is_not_the_answer_is_a_typed_error_naming_the_type(string body)
    {
        var client = ClientAnswering(Encoding.UTF8.GetBytes(body));

        var error = Assert.ThrowsAsync<OpenAIException>(() => client.CreateChatCompletionAsync(Request(), CancellationToken.None))!;

        Assert.That(error.StatusCode, Is.EqualTo(200));
        if (body.Length == 0)
        {
            // Nothing to read is no answer, as the generated client has always said.
            Assert.That(error.Message, Does.Contain("HTTP 200 (OK): Response was null which was not expected."));
        }
        else
        {
            Assert.That(error.Message, Does.Contain("HTTP 200 (OK): Could not deserialize the response body stream as OpenAI.Gen.CreateChatCompletionResponse."));
            Assert.That(error.InnerException, Is.InstanceOf<JsonException>());
        }
    }

    [Test]
    public async Task A_body_only_readable_as_a_stream_reads_as_the_pipeline_buffered_one()
    {
        // Content the pipeline did not buffer (a caller's own handler chain) is read through a pooled copy of its stream.
        var answer = JObject.Parse(DefaultAnswer);
        answer["choices"]![0]!["message"]!["content"] = string.Concat(Enumerable.Repeat("héllo €uro 😀 ", 2000));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(answer.ToString(Formatting.None))).ToArray();
        var settings = OpenAIJson.Default.CopySettings();

        var streamed = await OpenAIJson.Default.Answers.ReadAsync<CreateChatCompletionResponse>(new StreamContent(new MemoryStream(bytes)), CancellationToken.None);
        var buffered = await ClientAnswering(bytes).CreateChatCompletionAsync(Request(), CancellationToken.None);

        Assert.That(JsonConvert.SerializeObject(streamed, settings), Is.EqualTo(JsonConvert.SerializeObject(buffered, settings)));
        Assert.That(streamed!.Choices[0].Message.Content, Is.EqualTo((string)answer["choices"]![0]!["message"]!["content"]!));
    }
}
