using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>
/// Stoplight Prism (<c>prism mock</c>, installed by <c>npm ci --prefix tests/Prism</c>) serving a spec on 127.0.0.1,
/// started for a test and stopped (its process tree) when disposed.
/// </summary>
public sealed class PrismServer : IDisposable
{
    /// <summary>Set by .ci/run: there a missing Prism fails the test instead of skipping it.</summary>
    public const string RequiredVariable = "OPENAI_GEN_REQUIRE_PRISM";

    private readonly Process _process;
    private readonly StringBuilder _log;

    private PrismServer(Process process, StringBuilder log, Uri baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Where Prism serves the spec's paths.</summary>
    public Uri BaseUrl { get; }

    /// <summary>What Prism printed so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts <c>prism mock</c> of <paramref name="spec"/> (<c>-d</c>: random answers from the schemas); skips or fails the test when Prism is not installed.</summary>
    public static async Task<PrismServer> StartAsync(string spec, bool dynamic, TimeSpan startTimeout)
    {
        var prism = Path.Combine(Repo.Root, "tests", "Prism", "node_modules", ".bin", "prism");
        if (!File.Exists(prism))
        {
            var reason = $"Stoplight Prism is not installed ({prism} is missing): run `npm ci --prefix tests/Prism` (CI does).";
            if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        var port = FreePort.Find();
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (dynamic)
        {
            start.ArgumentList.Add("-d");
        }

        start.ArgumentList.Add(spec);
        var log = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data == null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrismServer(process, log, new Uri($"http://127.0.0.1:{port}/"));
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(startTimeout)) != listening.Task)
        {
            var why = process.HasExited ? $"exited with {process.ExitCode}" : $"did not listen within {startTimeout.TotalSeconds} s";
            server.Dispose();
            Assert.Fail($"prism mock {why}:\n{server.Log}");
        }

        return server;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
