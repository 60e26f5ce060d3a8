using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Chat;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// Measured runs on a real loopback server (127.0.0.1), outside BenchmarkDotNet because what they measure is not
/// one method's time: the delay from the server writing the first event to the client's <c>await foreach</c>
/// holding it, and the client process's CPU time and peak managed memory over 1,000 concurrent streams.
/// Each concurrent run is a fresh client process (so its memory and CPU are its own) against a server process.
/// </summary>
public static class LoopbackRuns
{
    private const int LatencyWarmups = 20;
    private const int LatencyRuns = 200;
    private const int ConcurrentStreams = 1000;

    /// <summary>Runs both measurements, prints Markdown tables and writes CSV files to <paramref name="resultsDirectory"/>.</summary>
    public static async Task RunAsync(string resultsDirectory)
    {
        Directory.CreateDirectory(resultsDirectory);
        var latency = await MeasureLatencyAsync().ConfigureAwait(false);
        var concurrent = RunConcurrent();

        var report = new StringBuilder()
            .AppendLine("First-chunk latency (server writes the first event -> the client holds it), " + LatencyRuns + " streams each:")
            .AppendLine()
            .AppendLine("| Client | Median µs | p95 µs | Max µs |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var (name, samples) in latency)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Percentile(samples, 0.5):F0} | {Percentile(samples, 0.95):F0} | {samples.Max():F0} |");
        }

        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{ConcurrentStreams:N0} concurrent streams, one client process each run:")
            .AppendLine()
            .AppendLine("| Client | Chunks/stream | Wall ms | CPU ms | CPU µs/chunk | Peak managed MB | Allocated B/chunk |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in concurrent)
        {
            var chunks = (double)r.Chunks * ConcurrentStreams;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {r.Client} | {r.Chunks:N0} | {r.WallMs:F0} | {r.CpuMs:F0} | {r.CpuMs * 1000 / chunks:F2} | {r.PeakBytes / 1048576.0:F1} | {r.AllocatedBytes / chunks:F0} |");
        }

        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(resultsDirectory, "Loopback-report.md"), report.ToString());
        File.WriteAllLines(Path.Combine(resultsDirectory, "Loopback-latency.csv"),
            new[] { "Client,MedianUs,P95Us,MaxUs" }.Concat(latency.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Name},{Percentile(l.Samples, 0.5):F1},{Percentile(l.Samples, 0.95):F1},{l.Samples.Max():F1}"))));
        File.WriteAllLines(Path.Combine(resultsDirectory, "Loopback-concurrent.csv"),
            new[] { "Client,Chunks,WallMs,CpuMs,PeakBytes,AllocatedBytes" }.Concat(concurrent.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Client},{r.Chunks},{r.WallMs:F1},{r.CpuMs:F1},{r.PeakBytes},{r.AllocatedBytes}"))));
    }

    /// <summary>The client side of one concurrent run (a child process): prints one CSV line.</summary>
    public static async Task RunConcurrentClientAsync(string client, int chunks, int port)
    {
        var stream = StreamFunction(client, port, "c" + chunks.ToString(CultureInfo.InvariantCulture));

        // JIT and connection-pool warm-up, not measured.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => stream(null))).ConfigureAwait(false);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        long peak = GC.GetTotalMemory(false);
        var sampling = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref sampling))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var wall = Stopwatch.StartNew();
        var lengths = await Task.WhenAll(Enumerable.Range(0, ConcurrentStreams).Select(_ => stream(null))).ConfigureAwait(false);
        wall.Stop();
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        Volatile.Write(ref sampling, false);
        sampler.Join();

        var expected = ChatStreamBody.TextLength(chunks);
        if (lengths.Any(l => l != expected))
        {
            throw new InvalidOperationException($"{client}: a stream read {lengths.First(l => l != expected)} characters, expected {expected}.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT,{client},{chunks},{wall.Elapsed.TotalMilliseconds:F1},{cpuMs:F1},{peak},{allocated}"));
    }

    private static async Task<List<(string Name, double[] Samples)>> MeasureLatencyAsync()
    {
        using var server = new LoopbackServer();
        var results = new List<(string, double[])>();
        foreach (var client in new[] { "OpenAI.Gen", "Official SDK", "Raw HttpClient" })
        {
            var stream = StreamFunction(client, server.Port, "latency");
            var samples = new double[LatencyRuns];
            for (var i = -LatencyWarmups; i < LatencyRuns; i++)
            {
                long seenAt = 0;
                await stream(() =>
                {
                    seenAt = Stopwatch.GetTimestamp();
                    server.FirstChunkSeen.Release();
                }).ConfigureAwait(false);
                if (i >= 0)
                {
                    samples[i] = Stopwatch.GetElapsedTime(server.FirstEventWrittenAt, seenAt).TotalMilliseconds * 1000;
                }
            }

            results.Add((client, samples));
        }

        return results;
    }

    // One streamed answer read to its end; onFirst runs when the client holds the first chunk. Returns the text length.
    private static Func<Action?, Task<int>> StreamFunction(string client, int port, string prefix)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{port}/{prefix}/");
        switch (client)
        {
            case "OpenAI.Gen":
                var ours = new OpenAIClient(new OpenAIClientOptions { ApiKey = "sk-bench", BaseUrl = baseUrl });
                var request = new CreateChatCompletionRequest { Model = "gpt-4o-mini", Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } } };
                return async onFirst =>
                {
                    var length = 0;
                    await foreach (var chunk in ours.CreateChatCompletionStreamAsync(request).ConfigureAwait(false))
                    {
                        onFirst?.Invoke();
                        onFirst = null;
                        length += chunk.Choices[0].Delta.Content?.Length ?? 0;
                    }

                    return length;
                };
            case "Official SDK":
                var official = new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-bench"), new OpenAI.OpenAIClientOptions { Endpoint = baseUrl });
                var messages = new OpenAI.Chat.ChatMessage[] { new UserChatMessage("Hello!") };
                return async onFirst =>
                {
                    var length = 0;
                    await foreach (var update in official.CompleteChatStreamingAsync(messages).ConfigureAwait(false))
                    {
                        onFirst?.Invoke();
                        onFirst = null;
                        foreach (var part in update.ContentUpdate)
                        {
                            length += part.Text.Length;
                        }
                    }

                    return length;
                };
            default:
                // The transport's floor: the first event's bytes out of a plain HttpClient response stream, nothing parsed.
                var http = new HttpClient();
                return async onFirst =>
                {
                    using var response = await http.PostAsync(new Uri(baseUrl, "chat/completions"), new StringContent("{}"), CancellationToken.None).ConfigureAwait(false);
                    using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    var buffer = new byte[64 * 1024];
                    int read;
                    while ((read = await body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                    {
                        onFirst?.Invoke();
                        onFirst = null;
                    }

                    return 0;
                };
        }
    }

    private static List<(string Client, int Chunks, double WallMs, double CpuMs, long PeakBytes, long AllocatedBytes)> RunConcurrent()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var dll = typeof(LoopbackRuns).Assembly.Location;
        using var server = Start(self, dll, "loopback-server");
        var port = int.Parse(server.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The server printed no port."), CultureInfo.InvariantCulture);
        var results = new List<(string, int, double, double, long, long)>();
        try
        {
            foreach (var client in new[] { "OpenAI.Gen", "Official SDK" })
            {
                foreach (var chunks in new[] { 10, 1000 })
                {
                    using var run = Start(self, dll, "concurrent-client", client, chunks.ToString(CultureInfo.InvariantCulture), port.ToString(CultureInfo.InvariantCulture));
                    var output = run.StandardOutput.ReadToEnd();
                    if (!run.WaitForExit(TimeSpan.FromMinutes(3)))
                    {
                        run.Kill();
                        throw new TimeoutException($"The {client} run with {chunks} chunks took over 3 minutes.");
                    }

                    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT,", StringComparison.Ordinal))
                               ?? throw new InvalidOperationException($"The {client} run with {chunks} chunks failed: {output} {run.StandardError.ReadToEnd()}");
                    var f = line.Trim().Split(',');
                    results.Add((f[1], int.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture),
                        double.Parse(f[4], CultureInfo.InvariantCulture), long.Parse(f[5], CultureInfo.InvariantCulture), long.Parse(f[6], CultureInfo.InvariantCulture)));
                }
            }
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                server.Kill();
            }
        }

        return results;
    }

    /// <summary>The server process: prints its port, serves until its standard input closes.</summary>
    public static void RunServer()
    {
        using var server = new LoopbackServer();
        Console.WriteLine(server.Port.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
        Console.In.ReadToEnd();
    }

    // Runs this benchmark program again (dotnet host + dll, or the apphost) with the arguments.
    private static Process Start(string self, string dll, params string[] args)
    {
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(dll);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start " + self);
    }

    private static double Percentile(double[] samples, double p)
    {
        var sorted = samples.OrderBy(s => s).ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Round(p * (sorted.Length - 1)))];
    }
}
