using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// The pipeline as a streaming operation uses it: <c>OpenAIPipeline.SendAsync(request, ct)</c>, then
/// the body read piece by piece.
/// </summary>
public class StreamPipelineTests : LoopbackTest
{
    private const string FirstEvent = "data: {\"n\":1}\n\n";

    [Test]
    public async Task A_streamed_answer_is_handed_on_before_it_ends()
    {
        var release = new TaskCompletionSource();
        Server.Script(ScriptedServer.EventStream(FirstEvent, release.Task, "data: {\"n\":2}\n\ndata: [DONE]\n\n"));

        using var response = await Pipeline().SendAsync(StreamRequest(), CancellationToken.None);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();
        release.SetResult();
        var rest = await reader.ReadToEndAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("data: {\"n\":1}"), "read while the server still held the rest back");
            Assert.That(rest, Does.EndWith("data: [DONE]\n\n"));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
            Assert.That(Server.Requests[0].Header("Authorization"), Is.EqualTo("Bearer " + Key));
        });
    }

    [Test]
    public async Task A_successful_answer_that_is_not_JSON_is_handed_on_as_it_arrives_too()
    {
        var release = new TaskCompletionSource();
        Server.Script(ScriptedServer.EventStream(FirstEvent, release.Task, "data: [DONE]\n\n", contentType: "text/plain"));

        using var response = await Pipeline().SendAsync(StreamRequest(), CancellationToken.None);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();
        release.SetResult();

        Assert.That(first, Is.EqualTo("data: {\"n\":1}"), "not held back until the server finished");
    }

    [Test]
    public async Task A_stream_broken_after_its_first_event_raises_a_connection_error_and_is_not_retried()
    {
        var release = new TaskCompletionSource();
        Server.Script(ScriptedServer.EventStream(FirstEvent, release.Task, rest: null), ScriptedServer.Json(200, "{}"));

        using var response = await Pipeline().SendAsync(StreamRequest(), CancellationToken.None);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await reader.ReadLineAsync();
        release.SetResult();

        var e = Assert.ThrowsAsync<OpenAIConnectionException>(() => reader.ReadToEndAsync());

        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Does.Contain("broke while the streamed answer was being read"));
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_stalled_stream_raises_the_typed_timeout()
    {
        var never = new TaskCompletionSource();
        Server.Script(ScriptedServer.EventStream(FirstEvent, never.Task, "late"));

        using var response = await Pipeline(o => o.Timeout = TimeSpan.FromMilliseconds(500)).SendAsync(StreamRequest(), CancellationToken.None);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();

        var e = Assert.ThrowsAsync<OpenAITimeoutException>(() => reader.ReadToEndAsync());

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo("data: {\"n\":1}"));
            Assert.That(e!.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(e.Message, Does.Contain("stalled: no data within 500 ms (OpenAIClientOptions.Timeout)"));
        });
    }

    [Test]
    public async Task Caller_cancellation_while_reading_a_stream_is_an_OperationCanceledException()
    {
        var never = new TaskCompletionSource();
        Server.Script(ScriptedServer.EventStream(FirstEvent, never.Task, "late"));
        using var cancellation = new CancellationTokenSource();

        using var response = await Pipeline().SendAsync(StreamRequest(), cancellation.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation.Token));
        await reader.ReadLineAsync(cancellation.Token);
        cancellation.CancelAfter(100);

        Assert.CatchAsync<OperationCanceledException>(() => reader.ReadToEndAsync(cancellation.Token));
    }

    [Test]
    public async Task A_stream_request_is_retried_until_its_headers_arrive()
    {
        Server.Script(
            ScriptedServer.Json(503, Error("busy", "server_error")),
            ScriptedServer.EventStream(FirstEvent, Task.CompletedTask, "data: [DONE]\n\n"));

        using var response = await Pipeline().SendAsync(StreamRequest(), CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(body, Is.EqualTo(FirstEvent + "data: [DONE]\n\n"));
            Assert.That(Server.Requests, Has.Count.EqualTo(2));
            Assert.That(Server.Requests[1].Body, Is.EqualTo("{\"stream\":true}"));
        });
    }

    private OpenAIPipeline Pipeline(Action<OpenAIClientOptions>? change = null) => new(new OpenAIClientSettings(Options(change), null));

    private HttpRequestMessage StreamRequest() => new(HttpMethod.Post, new Uri(Server.BaseUrl, "chat/completions"))
    {
        Content = new StringContent("{\"stream\":true}", Encoding.UTF8, "application/json"),
    };
}
