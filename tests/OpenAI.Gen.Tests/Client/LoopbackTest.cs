using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// Base of the client tests: one <see cref="ScriptedServer"/> per fixture, captured logs, the client's environment
/// variables cleared during each test, and options with short backoff so retry tests stay fast.
/// </summary>
public abstract class LoopbackTest
{
    /// <summary>The API key the tests configure.</summary>
    protected const string Key = "sk-test-loopback-key";

    private ILoggerFactory _loggerFactory = null!;
    private EnvironmentScope _environment = null!;

    /// <summary>The server of this fixture.</summary>
    protected ScriptedServer Server { get; private set; } = null!;

    /// <summary>What the client logged during the current test.</summary>
    protected CapturingLoggerProvider Logs { get; } = new();

    /// <summary>A chat request.</summary>
    protected static CreateChatCompletionRequest ChatRequest => new()
    {
        Model = "gpt-4o-mini",
        Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } },
    };

    /// <summary>A chat answer (the spec's Default example).</summary>
    protected static string ChatAnswer => SpecExamples.Response("/chat/completions", "Default");

    /// <summary>An OpenAI error body.</summary>
    protected static string Error(string message, string type, string? code = null, string? param = null) =>
        new JObject { ["error"] = new JObject { ["message"] = message, ["type"] = type, ["code"] = code, ["param"] = param } }.ToString();

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        Server = await ScriptedServer.StartAsync();
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        await Server.DisposeAsync();
        _loggerFactory.Dispose();
    }

    [SetUp]
    public void ResetServer()
    {
        Server.Reset();
        Logs.Clear();
        _environment = EnvironmentScope.Clean();
    }

    [TearDown]
    public void RestoreEnvironment() => _environment.Dispose();

    /// <summary>Options for the server with the test key, 10–50 ms backoff and the capturing logger.</summary>
    protected OpenAIClientOptions Options(Action<OpenAIClientOptions>? change = null)
    {
        var options = new OpenAIClientOptions
        {
            ApiKey = Key,
            BaseUrl = Server.BaseUrl,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            LoggerFactory = _loggerFactory,
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>A client built from <see cref="Options"/>.</summary>
    protected OpenAIClient Client(Action<OpenAIClientOptions>? change = null) => new(Options(change));
}
