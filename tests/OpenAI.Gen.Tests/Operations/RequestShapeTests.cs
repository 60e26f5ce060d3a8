using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace OpenAI.Gen.Tests.Operations;

/// <summary>The exact requests the core makes from operation descriptions and values (MockHttp, no network).</summary>
public class RequestShapeTests
{
    private readonly List<(HttpRequestMessage Request, string? Body)> _sent = new();
    private readonly List<(string Name, string? File, string? Type, string Text)> _parts = new();

    [SetUp]
    public void Clear()
    {
        _sent.Clear();
        _parts.Clear();
    }

    private OpenAIClientCore Core(string answer = "{\"id\":\"x\"}", string mediaType = "application/json", HttpStatusCode status = HttpStatusCode.OK)
    {
        var handler = new MockHttpMessageHandler();
        handler.When("*").Respond(request =>
        {
            _sent.Add((request, request.Content?.ReadAsStringAsync().GetAwaiter().GetResult()));
            if (request.Content is MultipartFormDataContent multipart)
            {
                // Read now: disposing the request after the call empties a multipart content.
                _parts.AddRange(multipart.Select(p => (p.Headers.ContentDisposition!.Name!.Trim('"'), p.Headers.ContentDisposition.FileName?.Trim('"'), p.Headers.ContentType?.MediaType, p.ReadAsStringAsync().Result)));
            }

            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, mediaType) };
        });
        return new OpenAIClientCore(new OpenAIClientSettings(new OpenAIClientOptions { ApiKey = "sk-shape", BaseUrl = new Uri("https://api.example/v1"), MaxRetries = 0 }, handler.ToHttpClient()));
    }

    [Test]
    public async Task Path_query_and_header_parameters_are_written_by_their_style()
    {
        var core = Core();
        var metadata = new Dictionary<string, string> { ["user"] = "42 & co", ["tier"] = "gold" };

        await core.SendAsync<Item>(Shapes.GetMessages, new object?[] { "chatcmpl a/b?", null, 20, new[] { "a", "b c" }, metadata, false, "assistants=v2" }, null, CancellationToken.None);

        var request = _sent.Single().Request;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(request.RequestUri!.AbsolutePath, Is.EqualTo("/v1/chat/completions/chatcmpl%20a%2Fb%3F/messages"), "the path value is escaped whole, slash included");
            Assert.That(request.RequestUri.Query, Is.EqualTo("?limit=20&include=a&include=b%20c&metadata%5Buser%5D=42%20%26%20co&metadata%5Btier%5D=gold&stream=false"),
                "unset after left out, arrays exploded, deepObject as name[key]=value, booleans as false");
            Assert.That(request.Headers.GetValues("OpenAI-Beta").Single(), Is.EqualTo("assistants=v2"));
            Assert.That(request.Headers.Accept.Single().MediaType, Is.EqualTo("application/json"));
            Assert.That(request.Content, Is.Null, "a GET without body sends none");
        });
    }

    [Test]
    public void A_missing_path_value_is_refused_before_sending()
    {
        var core = Core();

        var error = Assert.ThrowsAsync<ArgumentNullException>(() => core.SendAsync<Item>(Shapes.GetMessages, new object?[] { null }, null, CancellationToken.None))!;

        Assert.That(error.Message, Does.Contain("completion_id"));
        Assert.That(_sent, Is.Empty);
    }

    [TestCase("GET")]
    [TestCase("POST")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task Every_method_is_sent_as_described(string method)
    {
        var core = Core();

        await core.SendAsync<Item>(Shapes.WithMethod(method), new object?[] { "t_1" }, method == "GET" ? null : new Dictionary<string, object> { ["name"] = "n" }, CancellationToken.None);

        var (request, body) = _sent.Single();
        Assert.That((request.Method.Method, request.RequestUri!.AbsolutePath), Is.EqualTo((method, "/v1/things/t_1")));
        Assert.That(body, Is.EqualTo(method == "GET" ? null : "{\"name\":\"n\"}"));
    }

    [Test]
    public async Task A_multipart_body_has_file_parts_fields_and_one_part_per_array_item()
    {
        var core = Core();
        var audio = new MemoryStream(Encoding.ASCII.GetBytes("RIFF....WAVE"));
        var body = new Dictionary<string, object?>
        {
            ["file"] = new OpenAIFile(audio, "speech.wav", "audio/wav"),
            ["model"] = "whisper-1",
            ["temperature"] = 0.5,
            ["timestamp_granularities"] = new[] { "word", "segment" },
            ["language"] = null,
            ["chunking_strategy"] = new Dictionary<string, object> { ["type"] = "auto" },
        };

        await core.SendAsync<Item>(Shapes.Upload, OpenAIOperations.NoValues, body, CancellationToken.None);

        Assert.That(_sent.Single().Request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("multipart/form-data"));
        Assert.That(_parts, Is.EqualTo(new[]
        {
            ("file", "speech.wav", "audio/wav", "RIFF....WAVE"),
            ("model", (string?)null, "text/plain", "whisper-1"),
            ("temperature", null, "text/plain", "0.5"),
            ("timestamp_granularities", null, "text/plain", "word"),
            ("timestamp_granularities", null, "text/plain", "segment"),
            ("chunking_strategy", null, "text/plain", "{\"type\":\"auto\"}"),
        }).AsCollection, "null fields are left out; objects go as JSON text");
    }

    [Test]
    public async Task A_form_urlencoded_body_sends_the_set_members()
    {
        var core = Core();

        await core.SendAsync<Item>(Shapes.Form, OpenAIOperations.NoValues, new Dictionary<string, object?> { ["grant_type"] = "client_credentials", ["scope"] = new[] { "a", "b" }, ["flag"] = true, ["none"] = null }, CancellationToken.None);

        var (request, body) = _sent.Single();
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(body, Is.EqualTo("grant_type=client_credentials&scope=a&scope=b&flag=true"));
    }

    [Test]
    public async Task A_DTO_body_sent_as_a_form_writes_only_its_set_members()
    {
        var core = Core();
        var request = new CreateCompletionRequest { Model = "m", Prompt = "p", MaxTokens = 5 };

        await core.SendAsync<Item>(Shapes.Form, OpenAIOperations.NoValues, request, CancellationToken.None);

        Assert.That(_sent.Single().Body, Is.EqualTo("model=m&prompt=p&max_tokens=5"));
    }

    [Test]
    public async Task A_binary_answer_asks_for_its_media_type_and_a_text_answer_for_text()
    {
        var core = Core("bytes", "audio/mpeg");
        using (var audio = await core.SendForStreamAsync(Shapes.Speech, OpenAIOperations.NoValues, new Dictionary<string, object> { ["input"] = "hi" }, CancellationToken.None))
        {
            Assert.That(new StreamReader(audio).ReadToEnd(), Is.EqualTo("bytes"));
        }

        var text = await Core("hello there", "text/plain").SendForTextAsync(Shapes.Text, OpenAIOperations.NoValues, new Dictionary<string, object> { ["model"] = "m" }, CancellationToken.None);

        Assert.That(text, Is.EqualTo("hello there"));
        Assert.That(_sent.Select(s => s.Request.Headers.Accept.ToString()), Is.EqualTo(new[] { "audio/mpeg", "text/plain" }));
    }

    [Test]
    public void An_error_answer_of_any_operation_is_an_OpenAIException_with_its_status()
    {
        var core = Core("{\"error\":{\"message\":\"No such model\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}", status: HttpStatusCode.NotFound);

        var error = Assert.ThrowsAsync<OpenAIException>(() => core.SendWithoutAnswerAsync(Shapes.Delete, new object?[] { "ft:gpt" }, null, CancellationToken.None))!;

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((404, "model_not_found")));
        Assert.That(_sent.Single().Request.RequestUri!.AbsolutePath, Is.EqualTo("/v1/models/ft%3Agpt"));
    }
}
