using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using CsGen = CsCheck.Gen;
using Newtonsoft.Json;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Fuzz;

/// <summary>
/// Mutated answers and event streams through the client's whole read path (pipeline, size limits, SSE reader, chunk and
/// answer readers, error reading), with the body delivered in pieces of every size. Invariant: only
/// <see cref="OpenAIException"/> (its subclasses included) or <see cref="OperationCanceledException"/> escapes, no case
/// runs longer than its time limit, and every chunk yielded before a failure can be written back. CI runs a fixed-seed
/// sample; <c>dotnet cake --target=Fuzz --minutes=N</c> sets <c>OPENAI_GEN_FUZZ_MINUTES</c> and runs for that long.
/// </summary>
[Category("Fuzz")]
public class WireFuzzTests
{
    private const string MinutesVariable = "OPENAI_GEN_FUZZ_MINUTES";
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerSettings ChunkSettings = OpenAIJson.Default.CopyChunkSettings();

    /// <summary>A case: which seed, which mutation, where, the read size, and the HTTP status.</summary>
    private static readonly Gen<(int Seed, int Operation, int Position, int Piece, int Status)> Cases =
        CsGen.Select(CsGen.Int[0, FuzzInputs.Seeds.Count - 1], CsGen.Int[0, FuzzInputs.Operations.Length - 1], CsGen.Int[0, int.MaxValue], CsGen.Int[1, 300], CsGen.Int[0, 9])
            .Select((seed, op, position, piece, status) => (seed, op, position, piece, status));

    private static string Describe((int Seed, int Operation, int Position, int Piece, int Status) c) =>
        $"{FuzzInputs.Seeds[c.Seed].Name}, {FuzzInputs.Operations[c.Operation]} at {c.Position}, pieces of {c.Piece}, status {StatusOf(c.Status)}";

    private static int StatusOf(int choice) => choice switch { 7 => 400, 8 => 500, 9 => 429, _ => 200 };

    [Test]
    public void Mutated_answers_and_streams_only_raise_the_clients_exceptions()
    {
        var minutes = double.TryParse(Environment.GetEnvironmentVariable(MinutesVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 0;
        var count = 0L;
        var clock = Stopwatch.StartNew();
        if (minutes > 0)
        {
            Cases.Sample(c => { Run(c); Interlocked.Increment(ref count); }, seed: null, iter: long.MaxValue, time: (int)(minutes * 60), threads: 1, print: Describe);
        }
        else
        {
            // CI: a fixed seed, a few seconds.
            Cases.Sample(c => { Run(c); Interlocked.Increment(ref count); }, seed: "0N0XIzNsQ0O2", iter: 3000, threads: 1, print: Describe);
        }

        TestContext.Out.WriteLine($"fuzz: {count} cases in {clock.Elapsed.TotalSeconds:0.0} s, {count / clock.Elapsed.TotalSeconds:0} cases/s");
        Assert.That(count, Is.GreaterThan(0));
    }

    private static void Run((int Seed, int Operation, int Position, int Piece, int Status) c)
    {
        var seed = FuzzInputs.Seeds[c.Seed];
        var body = FuzzInputs.Mutate(seed.Body, c.Operation, c.Position);
        var status = StatusOf(c.Status);
        var client = new OpenAIClient(new HttpClient(new BodyHandler(body, seed.Stream ? "text/event-stream" : "application/json", status, c.Piece)), new OpenAIClientOptions
        {
            ApiKey = "sk-fuzz",
            BaseUrl = new Uri("http://127.0.0.1:9/v1"),
            MaxRetries = 0,
            MaxEventBytes = 64 * 1024,
            MaxResponseBytes = 1 << 20,
        });
        var request = new CreateChatCompletionRequest { Model = "m", Messages = { ChatMessage.User("hi") } };
        using var limit = new CancellationTokenSource(CaseLimit);
        var run = Task.Run(async () =>
        {
            if (seed.Stream)
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
                throw new TimeoutException("the case did not end: " + Describe(c));
            }
        }
        catch (AggregateException e) when (e.InnerException is OpenAIException or OperationCanceledException)
        {
            // Allowed: the client's own failure, or the case's time limit (a hang would not get here).
            if (e.InnerException is OperationCanceledException && !limit.IsCancellationRequested)
            {
                throw new InvalidOperationException("cancelled without a cancellation: " + Describe(c), e.InnerException);
            }
        }
    }

    /// <summary>Answers every request with the case's status and body, handed out in pieces.</summary>
    private sealed class BodyHandler : HttpMessageHandler
    {
        private readonly byte[] _body;
        private readonly string _mediaType;
        private readonly int _status;
        private readonly int _piece;

        public BodyHandler(byte[] body, string mediaType, int status, int piece)
        {
            _body = body;
            _mediaType = mediaType;
            _status = status;
            _piece = piece;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new PieceStream(_body, _piece));
            content.Headers.ContentType = new MediaTypeHeaderValue(_mediaType);
            return Task.FromResult(new HttpResponseMessage((HttpStatusCode)_status) { Content = content, RequestMessage = request });
        }
    }
}
