using System;
using System.Diagnostics;
using System.Linq;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using CsGen = CsCheck.Gen;
using Newtonsoft.Json;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Fuzz;

/// <summary>
/// Mutated answers and event streams through the client's whole wire path: a loopback Kestrel server sends each case's
/// status and body over a real socket, written in pieces of every size (each flushed on its own), with a
/// <c>Content-Length</c> or chunked; the client reads it through its pipeline, size limits, SSE reader, chunk and
/// answer readers and error reading. Invariant: only <see cref="OpenAIException"/> (its subclasses included) or
/// <see cref="OperationCanceledException"/> escapes, no case runs longer than its time limit, and every chunk yielded
/// before a failure can be written back. CI runs a fixed-seed sample; <c>dotnet cake --target=Fuzz --minutes=N</c> sets
/// <c>OPENAI_GEN_FUZZ_MINUTES</c> and runs for that long.
/// </summary>
[Category("Fuzz")]
public class WireFuzzTests
{
    private const string MinutesVariable = "OPENAI_GEN_FUZZ_MINUTES";

    // At most this many writes per body, so that a 200 KB body in 1-byte pieces does not take seconds.
    private const int MaxWrites = 256;

    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerSettings ChunkSettings = OpenAIJson.Default.CopyChunkSettings();

    /// <summary>A case: which seed, which mutation, where, the write size, the HTTP status, and whether the length is sent.</summary>
    private static readonly Gen<Case> Cases =
        CsGen.Select(CsGen.Int[0, FuzzInputs.Seeds.Count - 1], CsGen.Int[0, FuzzInputs.Operations.Length - 1], CsGen.Int[0, int.MaxValue], CsGen.Int[1, 300], CsGen.Int[0, 9], CsGen.Bool)
            .Select((seed, op, position, piece, status, length) => new Case(seed, op, position, piece, StatusOf(status), length));

    // Sequential cases (one thread): the server answers each request with the case being run.
    private static Case _current;
    private static long _read;
    private static long _refused;

    private static int StatusOf(int choice) => choice switch { 7 => 400, 8 => 500, 9 => 429, _ => 200 };

    [Test]
    public async Task Mutated_answers_and_streams_only_raise_the_clients_exceptions()
    {
        var minutes = double.TryParse(Environment.GetEnvironmentVariable(MinutesVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 0;
        await using var server = await LoopbackKestrel.StartAsync(AnswerAsync, TimeSpan.FromSeconds(1));
        using var http = new HttpClient();
        var client = new OpenAIClient(http, new OpenAIClientOptions
        {
            ApiKey = "sk-fuzz",
            BaseUrl = server.BaseUrl,
            MaxRetries = 0,
            MaxEventBytes = 64 * 1024,
            MaxResponseBytes = 1 << 20,
        });
        var count = 0L;
        var clock = Stopwatch.StartNew();
        if (minutes > 0)
        {
            Cases.Sample(c => { Run(client, c); Interlocked.Increment(ref count); }, seed: null, iter: long.MaxValue, time: (int)(minutes * 60), threads: 1, print: c => c.ToString());
        }
        else
        {
            // CI: a fixed seed; 5,000 cases took 6 s with the machine's load at 12 (2 cores, shared).
            Cases.Sample(c => { Run(client, c); Interlocked.Increment(ref count); }, seed: "0N0XIzNsQ0O2", iter: 5000, threads: 1, print: c => c.ToString());
        }

        TestContext.Out.WriteLine($"fuzz over loopback: {count} cases in {clock.Elapsed.TotalSeconds:0.0} s, {count / clock.Elapsed.TotalSeconds:0} cases/s; "
                                  + $"{_read} read whole, {_refused} ended in the client's exception");
        Assert.That(_read, Is.GreaterThan(0), "some cases reach the end of their answer or stream");
        Assert.That(_refused, Is.GreaterThan(0), "some cases fail, as a mutation must sometimes break the body");
    }

    private static void Run(OpenAIClient client, Case c)
    {
        _current = c;
        var request = new CreateChatCompletionRequest { Model = "m", Messages = { ChatMessage.User("hi") } };
        using var limit = new CancellationTokenSource(CaseLimit);
        var run = Task.Run(async () =>
        {
            if (c.Seed.Stream)
            {
                await foreach (var chunk in client.CreateChatCompletionStreamAsync(request, limit.Token))
                {
                    // A chunk handed out must be whole: it writes back.
                    JsonConvert.SerializeObject(chunk, ChunkSettings);
                }
            }
            else
            {
                JsonConvert.SerializeObject(await client.CreateChatCompletionAsync(request, limit.Token), ChunkSettings);
            }
        });

        try
        {
            if (!run.Wait(CaseLimit + TimeSpan.FromSeconds(5)))
            {
                throw new TimeoutException("the case did not end: " + c);
            }

            Interlocked.Increment(ref _read);
        }
        catch (AggregateException e) when (e.InnerException is OpenAIException or OperationCanceledException)
        {
            Interlocked.Increment(ref _refused);
            // Allowed: the client's own failure, or the case's time limit (a hang would not get here).
            if (e.InnerException is OperationCanceledException && !limit.IsCancellationRequested)
            {
                throw new InvalidOperationException("cancelled without a cancellation: " + c, e.InnerException);
            }
        }
    }

    // The server: the current case's status and body, in pieces, each flushed onto the socket.
    private static async Task AnswerAsync(HttpContext context)
    {
        var c = _current;
        var body = c.Body;
        context.Response.StatusCode = c.Status;
        context.Response.ContentType = c.Seed.Stream ? "text/event-stream" : "application/json";
        if (c.SendsLength)
        {
            context.Response.ContentLength = body.Length;
        }

        var piece = Math.Max(c.Piece, (body.Length + MaxWrites - 1) / MaxWrites);
        try
        {
            for (var at = 0; at < body.Length; at += piece)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(at, Math.Min(piece, body.Length - at)), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException)
        {
            // The client stopped reading (a limit, a malformed event): nothing more to send.
        }
    }

    /// <summary>One fuzz case; its text is what CsCheck prints for a failure.</summary>
    private readonly record struct Case(int SeedIndex, int Operation, int Position, int Piece, int Status, bool SendsLength)
    {
        public FuzzInputs.Seed Seed => FuzzInputs.Seeds[SeedIndex];

        public byte[] Body => FuzzInputs.Mutate(Seed.Body, Operation, Position);

        public override string ToString() =>
            $"{Seed.Name}, {FuzzInputs.Operations[Operation]} at {Position}, pieces of {Piece}, status {Status}, {(SendsLength ? "Content-Length" : "chunked")}";
    }
}
