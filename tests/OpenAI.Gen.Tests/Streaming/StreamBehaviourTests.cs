using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using static OpenAI.Gen.Tests.Streaming.StreamFixtures;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>Incremental delivery, cancellation, early exit and dropped connections, against a real loopback server.</summary>
public class StreamBehaviourTests
{
    private LoopbackServer _server = null!;
    private int _aborted;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await LoopbackServer.StartAsync(_ => Task.CompletedTask);

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [SetUp]
    public void Reset() => _aborted = 0;

    // Sends one chunk, then holds the answer open until the client goes away, and counts that.
    private async Task FirstChunkThenHold(HttpContext context)
    {
        await LoopbackServer.BeginEventStreamAsync(context);
        await LoopbackServer.WriteAsync(context, Event(ContentChunk("first")));
        try
        {
            await Task.Delay(LoopbackServer.Patience * 2, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _aborted);
        }
    }

    [Test]
    public async Task Chat_chunks_are_yielded_as_their_bytes_arrive()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondSent = false;
        _server.Handler = async context =>
        {
            await LoopbackServer.BeginEventStreamAsync(context);
            await LoopbackServer.WriteAsync(context, Event(ContentChunk("first")));
            await firstSeen.Task.WaitAsync(LoopbackServer.Patience, context.RequestAborted);
            secondSent = true;
            await LoopbackServer.WriteAsync(context, Event(ContentChunk("second")) + Done);
        };

        var seen = new List<string?>();
        using var timeout = new CancellationTokenSource(LoopbackServer.Patience);
        await foreach (var chunk in _server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()).WithCancellation(timeout.Token))
        {
            seen.Add(chunk.Choices.Single().Delta.Content);
            if (seen.Count == 1)
            {
                Assert.That(secondSent, Is.False, "the server had not sent the second event yet");
                firstSeen.SetResult();
            }
        }

        Assert.That(seen, Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public async Task Completion_chunks_are_yielded_as_their_bytes_arrive()
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Handler = async context =>
        {
            await LoopbackServer.BeginEventStreamAsync(context);
            await LoopbackServer.WriteAsync(context, Event(CompletionChunk("This", null)));
            await firstSeen.Task.WaitAsync(LoopbackServer.Patience, context.RequestAborted);
            await LoopbackServer.WriteAsync(context, Event(CompletionChunk(" is", "length")) + Done);
        };

        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(LoopbackServer.Patience);
        await foreach (var chunk in _server.CreateClient().CreateCompletionStreamAsync(CompletionRequest()).WithCancellation(timeout.Token))
        {
            seen.Add(chunk.Choices.Single().Text);
            firstSeen.TrySetResult();
        }

        Assert.That(seen, Is.EqualTo(new[] { "This", " is" }));
    }

    [Test]
    public async Task Breaking_out_of_200_streams_releases_every_response_and_connection()
    {
        // A server of its own: the fixture's server also counts connections of earlier tests' clients, which close on
        // their own schedule (the pool's idle timeout): one closing during this test made the counts differ for good.
        await using var server = await LoopbackServer.StartAsync(FirstChunkThenHold);
        var handler = new ObservingHandler();
        var client = server.CreateClient(handler);

        for (var i = 1; i <= 200; i++)
        {
            using var timeout = new CancellationTokenSource(LoopbackServer.Patience);
            await foreach (var chunk in client.CreateChatCompletionStreamAsync(ChatRequest()).WithCancellation(timeout.Token))
            {
                break;
            }

            // Released when the loop is left, not later by the garbage collector.
            Assert.That(handler.Disposed, Is.EqualTo(i));
        }

        Assert.That(await LoopbackServer.EventuallyAsync(() => Volatile.Read(ref _aborted) == 200), Is.True, $"the server saw {_aborted} of 200 requests end");
        Assert.That(await LoopbackServer.EventuallyAsync(() => server.ConnectionsClosed == 200), Is.True, $"{server.ConnectionsClosed} of 200 connections closed");
        Assert.That(server.ConnectionsOpened, Is.EqualTo(200), "a held answer's connection is never reused");
    }

    [TestCase(false, TestName = "Cancelling the token passed to the call stops the stream")]
    [TestCase(true, TestName = "Cancelling the token of WithCancellation stops the stream")]
    public async Task Cancelling_stops_the_stream(bool withCancellation)
    {
        _server.Handler = FirstChunkThenHold;
        using var cancel = new CancellationTokenSource(LoopbackServer.Patience);
        var chunks = 0;
        var client = _server.CreateClient();
        var stream = withCancellation
            ? client.CreateChatCompletionStreamAsync(ChatRequest()).WithCancellation(cancel.Token)
            : client.CreateChatCompletionStreamAsync(ChatRequest(), cancel.Token).WithCancellation(CancellationToken.None);

        var started = DateTime.UtcNow;
        var error = Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in stream)
            {
                chunks++;
                cancel.Cancel();
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(chunks, Is.EqualTo(1));
            Assert.That(error!.CancellationToken, Is.EqualTo(cancel.Token));
            Assert.That(DateTime.UtcNow - started, Is.LessThan(LoopbackServer.Patience), "not ended by the safety timeout");
        });
        Assert.That(await LoopbackServer.EventuallyAsync(() => Volatile.Read(ref _aborted) == 1), Is.True, "the server saw the request end");
    }

    [Test]
    public async Task A_dropped_connection_throws_a_stream_exception_and_keeps_the_chunks_read()
    {
        var secondSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Handler = async context =>
        {
            await LoopbackServer.BeginEventStreamAsync(context);
            await LoopbackServer.WriteAsync(context, Event(ContentChunk("a")) + Event(ContentChunk("b")) + "data: {\"id\":\"chatcmpl-1\",\"obj");
            await secondSeen.Task.WaitAsync(LoopbackServer.Patience, context.RequestAborted);
            context.Abort();
        };

        var chunks = new List<CreateChatCompletionStreamResponse>();
        Exception? error = null;
        try
        {
            using var timeout = new CancellationTokenSource(LoopbackServer.Patience);
            await foreach (var chunk in _server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()).WithCancellation(timeout.Token))
            {
                chunks.Add(chunk);
                if (chunks.Count == 2)
                {
                    secondSeen.SetResult();
                }
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }

        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        var streamError = (OpenAIStreamException)error!;
        Assert.Multiple(() =>
        {
            Assert.That(Contents(chunks), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(streamError.EventNumber, Is.EqualTo(2));
            Assert.That(streamError.Message, Does.Contain("connection was lost after event 2"));
            Assert.That(streamError.InnerException, Is.InstanceOf<OpenAIConnectionException>());
            Assert.That(streamError.InnerException!.InnerException, Is.InstanceOf<IOException>());
            Assert.That(streamError.StatusCode, Is.EqualTo(200));
            Assert.That(streamError.RequestId, Is.EqualTo("req_stream_1"));
        });
    }

    [Test]
    public async Task A_connection_dropped_before_any_event_throws_a_stream_exception()
    {
        var handler = new ObservingHandler();
        _server.Handler = async context =>
        {
            await LoopbackServer.BeginEventStreamAsync(context);
            await handler.ResponseReceived.WaitAsync(LoopbackServer.Patience, context.RequestAborted);
            context.Abort();
        };

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient(handler).CreateCompletionStreamAsync(CompletionRequest()));

        Assert.That(chunks, Is.Empty);
        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        Assert.That(((OpenAIStreamException)error!).EventNumber, Is.EqualTo(0));
    }
}
