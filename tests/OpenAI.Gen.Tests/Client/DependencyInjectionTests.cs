using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Client;

public class DependencyInjectionTests : LoopbackTest
{
    private IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["OpenAI:ApiKey"] = Key,
        ["OpenAI:BaseUrl"] = Server.BaseUrl.ToString(),
        ["OpenAI:Organization"] = "org-from-config",
        ["OpenAI:Project"] = "proj-from-config",
        ["OpenAI:Timeout"] = "00:00:05",
        ["OpenAI:MaxRetries"] = "1",
        ["OpenAI:InitialRetryDelay"] = "00:00:00.010",
        ["OpenAI:DefaultHeaders:X-Tenant"] = "tenant-7",
    }).Build();

    [Test]
    public void Options_are_bound_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddOpenAIGen(Configuration.GetSection("OpenAI"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<OpenAIClientOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.ApiKey, Is.EqualTo(Key));
            Assert.That(options.BaseUrl, Is.EqualTo(Server.BaseUrl));
            Assert.That(options.Organization, Is.EqualTo("org-from-config"));
            Assert.That(options.Project, Is.EqualTo("proj-from-config"));
            Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options.MaxRetries, Is.EqualTo(1));
            Assert.That(options.InitialRetryDelay, Is.EqualTo(TimeSpan.FromMilliseconds(10)));
            Assert.That(options.DefaultHeaders["X-Tenant"], Is.EqualTo("tenant-7"));
            Assert.That(options.LoggerFactory, Is.SameAs(provider.GetRequiredService<ILoggerFactory>()), "the container's logging is used");
        });
    }

    [Test]
    public async Task The_resolved_client_calls_with_the_bound_options_retries_and_logs()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddOpenAIGen(Configuration.GetSection("OpenAI"));
        using var provider = services.BuildServiceProvider();
        Server.Script(ScriptedServer.Json(503, Error("busy", "server_error")), ScriptedServer.Json(200, ChatAnswer, ("x-request-id", "req_di")));

        var client = provider.GetRequiredService<IOpenAIClient>();
        var response = await client.CreateChatCompletionWithResponseAsync(ChatRequest);

        var answered = Logs.ClientEntries.Where(e => e.EventName == "Answered").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(client, Is.InstanceOf<OpenAIClient>());
            Assert.That(response.RequestId, Is.EqualTo("req_di"));
            Assert.That(Server.Requests, Has.Count.EqualTo(2));
            Assert.That(Server.Requests[1].Header("Authorization"), Is.EqualTo("Bearer " + Key));
            Assert.That(Server.Requests[1].Header("OpenAI-Organization"), Is.EqualTo("org-from-config"));
            Assert.That(Server.Requests[1].Header("OpenAI-Project"), Is.EqualTo("proj-from-config"));
            Assert.That(Server.Requests[1].Header("X-Tenant"), Is.EqualTo("tenant-7"));
            Assert.That(answered.Select(e => e.Value("StatusCode")), Is.EqualTo(new object[] { 503, 200 }));
            Assert.That(answered[1].Value("RequestId"), Is.EqualTo("req_di"));
            Assert.That(Logs.ClientEntries.Count(e => e.EventName == "Retrying"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Configure_callback_and_factory_handlers_apply()
    {
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddOpenAIGen(o =>
        {
            o.ApiKey = "sk-from-callback";
            o.BaseUrl = Server.BaseUrl;
        }).AddHttpMessageHandler(() => counter);
        using var provider = services.BuildServiceProvider();
        Server.Script(ScriptedServer.Json(200, ChatAnswer));

        await provider.GetRequiredService<OpenAIClient>().CreateChatCompletionAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(counter.Count, Is.EqualTo(1), "the request went through the IHttpClientFactory client");
            Assert.That(Server.Requests[0].Header("Authorization"), Is.EqualTo("Bearer sk-from-callback"));
        });
    }

    [Test]
    public void The_factory_client_has_no_timeout_of_its_own()
    {
        var services = new ServiceCollection();
        services.AddOpenAIGen();
        using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient(OpenAIGenServiceCollectionExtensions.HttpClientName);

        Assert.That(http.Timeout, Is.EqualTo(System.Threading.Timeout.InfiniteTimeSpan), "OpenAIClientOptions.Timeout governs each attempt");
    }
}
