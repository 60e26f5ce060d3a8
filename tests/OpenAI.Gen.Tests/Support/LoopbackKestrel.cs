using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenAI.Gen.Tests.Support;

/// <summary>
/// Kestrel on 127.0.0.1, port chosen by the OS, running one request handler, without logging: the start-up and
/// teardown the loopback test servers share. Each of them keeps its own script, recording and answers.
/// </summary>
public sealed class LoopbackKestrel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackKestrel(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The base URL a client should use: <see cref="Root"/> + <c>v1/</c>.</summary>
    public Uri BaseUrl => new(Root, "v1/");

    /// <summary>Starts a server that answers every request with <paramref name="handler"/>.</summary>
    /// <param name="handler">What the server does with each request.</param>
    /// <param name="shutdownTimeout">How long disposing waits for answers still running, so a test that leaves a stalled answer behind does not hold the teardown.</param>
    /// <param name="listen">Extra set-up of the listening endpoint, e.g. connection middleware.</param>
    public static async Task<LoopbackKestrel> StartAsync(RequestDelegate handler, TimeSpan shutdownTimeout, Action<ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, options => listen?.Invoke(options)));
        builder.WebHost.UseShutdownTimeout(shutdownTimeout);
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackKestrel(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
