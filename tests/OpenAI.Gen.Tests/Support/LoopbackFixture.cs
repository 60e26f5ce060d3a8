using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Support;

/// <summary>
/// A fixture with one loopback Kestrel server for all its tests: each request is recorded (method, path and query in
/// <see cref="Seen"/>; with <c>readsBodies</c>, content type and body in <see cref="Bodies"/>) and answered by
/// <see cref="Answer"/>, which each test sets. Without <c>readsBodies</c> the body is left for the answer to read.
/// </summary>
public abstract class LoopbackFixture
{
    private readonly bool _readsBodies;

    /// <summary>A fixture whose server reads each request body first (<paramref name="readsBodies"/>) or leaves it to <see cref="Answer"/>.</summary>
    protected LoopbackFixture(bool readsBodies) => _readsBodies = readsBodies;

    /// <summary>"METHOD /path?query" of each request of the current test.</summary>
    protected List<string> Seen { get; } = new();

    /// <summary>"content-type\nbody" of each request of the current test (when the fixture reads bodies).</summary>
    protected List<string> Bodies { get; } = new();

    /// <summary>How the server answers the current test's requests.</summary>
    protected Func<HttpContext, Task> Answer { get; set; } = _ => Task.CompletedTask;

    /// <summary>The running server.</summary>
    protected LoopbackKestrel Server { get; private set; } = null!;

    /// <summary>The HTTP client the clients under test send through.</summary>
    protected HttpClient Http { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        Server = await LoopbackKestrel.StartAsync(
            async context =>
            {
                var body = _readsBodies ? await new StreamReader(context.Request.Body).ReadToEndAsync() : null;
                lock (Seen)
                {
                    Seen.Add(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
                    if (body != null)
                    {
                        Bodies.Add(context.Request.ContentType + "\n" + body);
                    }
                }

                await Answer(context);
            },
            TimeSpan.FromSeconds(1));
        Http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    [SetUp]
    public void ClearRequests()
    {
        lock (Seen)
        {
            Seen.Clear();
            Bodies.Clear();
        }
    }
}
