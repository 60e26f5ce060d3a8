// Consumer smoke test: compiled by tests/Smoke/run.sh in a fresh console project that installs OpenAI.Gen from
// artifacts/, the way users install it. It talks to a real HTTP server on 127.0.0.1 and checks the answers.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Gen;

var port = FreePort();
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/v1/");
listener.Start();
var server = Task.Run(() => Serve(listener));

using var http = new System.Net.Http.HttpClient();
var explicitClient = new OpenAIClient(http, "sk-smoke", new Uri($"http://127.0.0.1:{port}/v1/"));
var request = new CreateChatCompletionRequest
{
    Model = "gpt-4o-mini",
    Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } },
};

var response = await explicitClient.CreateChatCompletionAsync(request, CancellationToken.None);
Check(response.Choices[0].Message.Content == "Hello there!", "chat answer: " + response.Choices[0].Message.Content);

var streamed = new StringBuilder();
await foreach (var chunk in explicitClient.CreateChatCompletionStreamAsync(request, CancellationToken.None))
{
    streamed.Append(chunk.Choices.Count > 0 ? chunk.Choices[0].Delta.Content : null);
}

Check(streamed.ToString() == "Hello there!", "streamed answer: " + streamed);

// The README's quick start, verbatim but for the environment it reads.
Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-smoke");
Environment.SetEnvironmentVariable("OPENAI_BASE_URL", $"http://127.0.0.1:{port}/v1/");
var quick = new StringWriter();
var console = Console.Out;
Console.SetOut(quick);
var client = new OpenAI.Gen.OpenAIClient(); // API key from OPENAI_API_KEY
await foreach (var chunk in client.CreateChatCompletionStreamAsync(new() { Model = "gpt-4o-mini", Messages = { OpenAI.Gen.ChatMessage.User("Hello!") } }))
    Console.Write(chunk.Choices.Count > 0 ? chunk.Choices[0].Delta.Content : null);
Console.SetOut(console);
Check(quick.ToString() == "Hello there!", "README quick start printed: " + quick);
listener.Stop();

// run.sh runs this twice: with the package's net8.0 build, then with its netstandard2.0 build swapped in.
var built = typeof(OpenAIClient).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName;
if (Environment.GetEnvironmentVariable("SMOKE_EXPECT_FRAMEWORK") is { Length: > 0 } expected)
{
    Check(built == expected, $"OpenAI.Gen built for {built}, expected {expected}");
}

Console.WriteLine($"smoke test passed ({built} build): chat and streamed chat against 127.0.0.1:" + port);
return 0;

static void Check(bool ok, string what)
{
    if (!ok)
    {
        Console.Error.WriteLine("smoke test FAILED: " + what);
        Environment.Exit(1);
    }
}

static int FreePort()
{
    var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    var p = ((IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    return p;
}

static async Task Serve(HttpListener listener)
{
    while (listener.IsListening)
    {
        HttpListenerContext ctx;
        try
        {
            ctx = await listener.GetContextAsync();
        }
        catch (Exception) when (!listener.IsListening)
        {
            return;
        }

        var body = await new System.IO.StreamReader(ctx.Request.InputStream).ReadToEndAsync();
        var stream = body.Contains("\"stream\":true");
        ctx.Response.ContentType = stream ? "text/event-stream" : "application/json";
        var head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":";
        var text = stream
            ? $"data: {head}{{\"role\":\"assistant\",\"content\":\"Hello\"}},\"finish_reason\":null}}]}}\n\n" +
              $"data: {head}{{\"content\":\" there!\"}},\"finish_reason\":\"stop\"}}]}}\n\ndata: [DONE]\n\n"
            : "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0," +
              "\"message\":{\"role\":\"assistant\",\"content\":\"Hello there!\"},\"logprobs\":null,\"finish_reason\":\"stop\"}]}";
        var bytes = Encoding.UTF8.GetBytes(text);
        await ctx.Response.OutputStream.WriteAsync(bytes);
        ctx.Response.Close();
    }
}
