using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Operations;

/// <summary>Each operation shape sent by the core to a real loopback server (Kestrel on 127.0.0.1) and its answer read back.</summary>
public class LoopbackShapeTests() : LoopbackFixture(readsBodies: false)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private OpenAIClientCore Core() =>
        new(new OpenAIClientSettings(new OpenAIClientOptions { ApiKey = "sk-loop", BaseUrl = Server.BaseUrl, MaxRetries = 0, Timeout = Patience }, Http));

    private static Task Json(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    [Test]
    public async Task Path_and_query_parameters_reach_the_server_decoded_as_sent()
    {
        string? completion = null, metadata = null, include = null;
        Answer = context =>
        {
            completion = context.Request.Path.Value!.Split('/')[4];
            metadata = context.Request.Query["metadata[user]"];
            include = string.Join("|", context.Request.Query["include"].ToArray());
            return Json(context, "{\"id\":\"ok\"}");
        };

        var item = await Core().SendAsync<Item>(Shapes.GetMessages, new object?[] { "chatcmpl 1", "msg_9", null, new[] { "a", "b" }, new Dictionary<string, string> { ["user"] = "ü&=" }, true, null }, null, CancellationToken.None);

        Assert.That(item.Id, Is.EqualTo("ok"));
        Assert.That((completion, metadata, include), Is.EqualTo(("chatcmpl 1", "ü&=", "a|b")));
        Assert.That(Seen.Single(), Does.Contain("after=msg_9").And.Contain("stream=true").And.Not.Contain("limit"));
    }

    [Test]
    public async Task A_multipart_upload_reaches_the_server_as_a_file_and_fields()
    {
        (string Name, string FileName, string Type, string Content)? file = null;
        string[]? granularities = null;
        string? model = null;
        Answer = async context =>
        {
            var form = await context.Request.ReadFormAsync();
            var part = form.Files.Single();
            using var reader = new StreamReader(part.OpenReadStream());
            file = (part.Name, part.FileName, part.ContentType, await reader.ReadToEndAsync());
            model = form["model"];
            granularities = form["timestamp_granularities"].ToArray()!;
            await Json(context, "{\"id\":\"tr_1\"}");
        };
        var body = new Dictionary<string, object?>
        {
            ["file"] = new OpenAIFile(new MemoryStream(Encoding.UTF8.GetBytes("fake mp3")), "clip.mp3", "audio/mpeg"),
            ["model"] = "whisper-1",
            ["timestamp_granularities"] = new[] { "word", "segment" },
        };

        var answer = await Core().SendAsync<Item>(Shapes.Upload, OpenAIOperations.NoValues, body, CancellationToken.None);

        Assert.That(answer.Id, Is.EqualTo("tr_1"));
        Assert.That(file, Is.EqualTo(("file", "clip.mp3", "audio/mpeg", "fake mp3")));
        Assert.That((model, granularities), Is.EqualTo(("whisper-1", new[] { "word", "segment" })));
    }

    [Test]
    public async Task A_binary_answer_is_handed_on_before_the_server_has_sent_it_all()
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Answer = async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(new byte[] { 1, 2, 3 });
            await context.Response.Body.FlushAsync();
            await rest.Task.WaitAsync(Patience);
            await context.Response.Body.WriteAsync(new byte[] { 4, 5 });
        };

        var stream = await Core().SendForStreamAsync(Shapes.Download, new object?[] { "file-1" }, null, CancellationToken.None);
        var first = new byte[3];
        var read = 0;
        while (read < 3)
        {
            read += await stream.ReadAsync(first.AsMemory(read));
        }

        rest.SetResult();
        var remaining = new MemoryStream();
        await stream.CopyToAsync(remaining);
        await stream.DisposeAsync();

        Assert.That(first.Concat(remaining.ToArray()), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }), "the first bytes were read while the server still held the rest");
        Assert.That(Seen.Single(), Is.EqualTo("GET /v1/files/file-1/content"));
    }

    [Test]
    public async Task Text_and_empty_answers_are_read_as_described()
    {
        Answer = context =>
        {
            if (context.Request.Method == "DELETE")
            {
                context.Response.StatusCode = 204;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("1\n00:00:00,000 --> 00:00:01,000\nHallo");
        };

        var text = await Core().SendForTextAsync(Shapes.Text, OpenAIOperations.NoValues, new Dictionary<string, object> { ["model"] = "whisper-1" }, CancellationToken.None);
        await Core().SendWithoutAnswerAsync(Shapes.Delete, new object?[] { "ft:model:1" }, null, CancellationToken.None);

        Assert.That(text, Does.EndWith("Hallo"));
        Assert.That(Seen, Is.EqualTo(new[] { "POST /v1/audio/translations", "DELETE /v1/models/ft:model:1" }));
    }

    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task Patch_and_delete_carry_their_body_and_answer(string method)
    {
        string? body = null;
        Answer = async context =>
        {
            body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            await Json(context, "{\"id\":\"t_2\"}");
        };

        var answer = await Core().SendAsync<Item>(Shapes.WithMethod(method), new object?[] { "t_2" }, new Dictionary<string, object> { ["metadata"] = new Dictionary<string, string> { ["k"] = "v" } }, CancellationToken.None);

        Assert.That((answer.Id, body, Seen.Single()), Is.EqualTo(("t_2", "{\"metadata\":{\"k\":\"v\"}}", method + " /v1/things/t_2")));
    }

    [Test]
    public async Task Named_events_yield_the_event_union_with_unknown_types_kept()
    {
        Answer = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(
                "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hel\"}\n\n" +
                "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"lo\"}\n\n" +
                "event: response.reasoning.new_kind\ndata: {\"type\":\"response.reasoning.new_kind\",\"effort\":3}\n\n" +
                "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\"}}\n\n");
        };

        var events = new List<ResponseEvent>();
        await foreach (var e in Core().StreamAsync<ResponseEvent>(Shapes.Responses, OpenAIOperations.NoValues, new Dictionary<string, object> { ["stream"] = true }, namedEvents: true, CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[] { nameof(TextDeltaEvent), nameof(TextDeltaEvent), nameof(UnknownEvent), nameof(CompletedEvent) }));
        Assert.That(string.Concat(events.OfType<TextDeltaEvent>().Select(d => d.Delta)), Is.EqualTo("Hello"));
        var unknown = (UnknownEvent)events[2];
        Assert.That((unknown.Members["type"].ToString(), unknown.Members["effort"].ToString()), Is.EqualTo(("response.reasoning.new_kind", "3")));
        Assert.That(((CompletedEvent)events[3]).Response!.Id, Is.EqualTo("resp_1"));
    }

    [Test]
    public async Task A_cursor_list_is_read_page_by_page_only_as_far_as_the_caller_goes()
    {
        Answer = context =>
        {
            var after = context.Request.Query["after"].ToString();
            var page = after switch
            {
                "" => "{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"has_more\":true,\"last_id\":\"b\"}",
                "b" => "{\"data\":[{\"id\":\"c\"}],\"has_more\":true,\"last_id\":\"c\"}",
                _ => "{\"data\":[{\"id\":\"d\"}],\"has_more\":false,\"last_id\":\"d\"}",
            };
            return Json(context, page);
        };
        var core = Core();
        IAsyncEnumerable<Item> All() => OpenAIClientCore.ListAllAsync<Page, Item>(
            (after, token) => core.SendAsync<Page>(Shapes.List, new object?[] { after, 2 }, null, token),
            page => page.Data,
            page => page.HasMore,
            page => page.LastId,
            CancellationToken.None);

        var firstTwo = new List<string>();
        await foreach (var item in All())
        {
            firstTwo.Add(item.Id);
            if (firstTwo.Count == 2)
            {
                break;
            }
        }

        var requestsForTwo = Seen.Count;
        var all = new List<string>();
        await foreach (var item in All())
        {
            all.Add(item.Id);
        }

        Assert.That((firstTwo, requestsForTwo), Is.EqualTo((new List<string> { "a", "b" }, 1)), "the second page is not fetched for items of the first");
        Assert.That(all, Is.EqualTo(new[] { "a", "b", "c", "d" }));
        Assert.That(Seen.Skip(1), Is.EqualTo(new[] { "GET /v1/chat/completions?limit=2", "GET /v1/chat/completions?after=b&limit=2", "GET /v1/chat/completions?after=c&limit=2" }));
    }

    [Test]
    public void A_list_that_repeats_its_cursor_stops_with_an_error_instead_of_looping()
    {
        Answer = context => Json(context, "{\"data\":[{\"id\":\"a\"}],\"has_more\":true,\"last_id\":\"a\"}");
        var core = Core();

        var error = Assert.ThrowsAsync<OpenAIException>(async () =>
        {
            await foreach (var unused in OpenAIClientCore.ListAllAsync<Page, Item>(
                (after, token) => core.SendAsync<Page>(Shapes.List, new object?[] { after, null }, null, token), p => p.Data, p => p.HasMore, p => p.LastId, CancellationToken.None))
            {
            }
        })!;

        Assert.That(error.Message, Does.Contain("same cursor 'a'"));
        Assert.That(Seen.Count, Is.EqualTo(2));
    }
}
