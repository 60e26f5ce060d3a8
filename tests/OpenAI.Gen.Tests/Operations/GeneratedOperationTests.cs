using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Operations;

/// <summary>
/// The methods the client template generates for shapes the seed spec lacks, called on the generated client against a
/// loopback server: a named-event stream (createResponse: <c>CreateResponseStreamAsync</c>), a cursor-paginated list
/// (listChatCompletions: <c>ListChatCompletionsAllAsync</c>) and a multipart form body (createTranscription). They run
/// where openapi/openai.yaml has those operations (e.g. <c>Regenerate --tag=Chat --tag=Audio --tag=Responses</c> of the
/// 2026-05-13 spec) and are skipped, saying so, on the seed; the core under them is tested on every shape by
/// <see cref="LoopbackShapeTests"/>.
/// </summary>
public class GeneratedOperationTests() : LoopbackFixture(readsBodies: true)
{
    [Test]
    public async Task A_generated_named_event_stream_yields_the_spec_event_union_with_unknown_types_kept()
    {
        var method = Generated("CreateResponseStreamAsync");
        Answer = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(
                "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"i\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\",\"sequence_number\":1,\"logprobs\":[]}\n\n" +
                "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"i\",\"output_index\":0,\"content_index\":0,\"delta\":\"lo\",\"sequence_number\":2,\"logprobs\":[]}\n\n" +
                "event: response.future_kind\ndata: {\"type\":\"response.future_kind\",\"sequence_number\":3}\n\n");
        };

        var body = Activator.CreateInstance(method.GetParameters()[0].ParameterType)!;
        var events = await ReadAllAsync((IAsyncEnumerable<object>)method.Invoke(Client(), Arguments(method, body))!);

        Assert.That(events.Select(e => e.GetType().Name), Is.EqualTo(new[] { "ResponseTextDeltaEvent", "ResponseTextDeltaEvent", "ResponseStreamEventUnknown" }));
        Assert.That(string.Concat(events.Take(2).Select(e => (string)e.GetType().GetProperty("Delta")!.GetValue(e)!)), Is.EqualTo("Hello"));
        Assert.That(Bodies.Single(), Does.Contain("\"stream\":true"), "the generated method asks for the stream");
        Assert.That(Specified.IsSet(body, "Stream"), Is.False, "the caller's request is left as it was");
    }

    [Test]
    public async Task A_generated_paged_list_fetches_each_page_when_the_caller_reaches_it()
    {
        var method = Generated("ListChatCompletionsAllAsync");
        Answer = context =>
        {
            var after = context.Request.Query["after"].ToString();
            var page = after == string.Empty
                ? "{\"object\":\"list\",\"data\":[" + Completion("a") + "," + Completion("b") + "],\"first_id\":\"a\",\"last_id\":\"b\",\"has_more\":true}"
                : "{\"object\":\"list\",\"data\":[" + Completion("c") + "],\"first_id\":\"c\",\"last_id\":\"c\",\"has_more\":false}";
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(page);
        };

        var first = new List<string>();
        var items = (IAsyncEnumerable<object>)method.Invoke(Client(), Arguments(method))!;
        await foreach (var item in items)
        {
            first.Add(Id(item));
            break;
        }

        var requestsForOne = Seen.Count;
        var all = (await ReadAllAsync((IAsyncEnumerable<object>)method.Invoke(Client(), Arguments(method))!)).Select(Id).ToList();

        Assert.That((first.Single(), requestsForOne), Is.EqualTo(("a", 1)));
        Assert.That(all, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(Seen.Skip(1), Is.EqualTo(new[] { "GET /v1/chat/completions", "GET /v1/chat/completions?after=b" }));
    }

    [Test]
    public async Task A_generated_multipart_operation_sends_its_form_parameters_as_one_body()
    {
        var method = Generated("CreateTranscriptionAsync");
        Answer = context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"text\":\"hi\"}");
        };

        var arguments = Arguments(method);
        var parameters = method.GetParameters();
        arguments[Array.FindIndex(parameters, p => p.Name == "file")] = new OpenAIFile(new MemoryStream(Encoding.ASCII.GetBytes("RIFFdata")), "a.wav", "audio/wav");
        arguments[Array.FindIndex(parameters, p => p.Name == "model")] = "gpt-4o-transcribe";
        arguments[Array.FindIndex(parameters, p => p.Name == "temperature")] = 0.5;
        await (Task)method.Invoke(Client(), arguments)!;

        var body = Bodies.Single();
        Assert.That(body, Does.StartWith("multipart/form-data"));
        Assert.That(body, Does.Contain("name=\"file\"; filename=\"a.wav\"").And.Contain("RIFFdata"));
        Assert.That(body, Does.Contain("name=\"model\"").And.Contain("gpt-4o-transcribe"));
        Assert.That(body, Does.Contain("name=\"temperature\"").And.Contain("0.5"));
        Assert.That(body, Does.Not.Contain("name=\"language\""), "unset parameters are not sent");
    }

    private static MethodInfo Generated(string name)
    {
        var method = typeof(OpenAIClient).GetMethod(name);
        if (method == null)
        {
            Assert.Ignore($"openapi/openai.yaml has no operation for {name} (the seed's two operations); regenerate with the operation to run this test.");
        }

        return method!;
    }

    // The body (when given) first, every other parameter unset, the token last.
    private static object?[] Arguments(MethodInfo method, params object[] leading)
    {
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        leading.CopyTo(arguments, 0);
        arguments[^1] = CancellationToken.None;
        return arguments;
    }

    private OpenAIClient Client() =>
        new(Http, new OpenAIClientOptions { ApiKey = "sk-loop", BaseUrl = Server.BaseUrl, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(20) });

    private static string Completion(string id) =>
        "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}";

    private static string Id(object item) => (string)item.GetType().GetProperty("Id")!.GetValue(item)!;

    private static async Task<List<object>> ReadAllAsync(IAsyncEnumerable<object> items)
    {
        var all = new List<object>();
        await foreach (var item in items)
        {
            all.Add(item);
        }

        return all;
    }
}
