using System;
using System.Net.Http;
using System.Threading;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Client;

public class OptionsTests : LoopbackTest
{
    [Test]
    public void Defaults_are_the_documented_ones()
    {
        var options = new OpenAIClientOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(options.MaxRetries, Is.EqualTo(2));
            Assert.That(options.InitialRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(0.5)));
            Assert.That(options.MaxRetryDelay, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(options.MaxRetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(new OpenAIClient("sk-x").BaseUrl, Is.EqualTo("https://api.openai.com/v1/"));
        });
    }

    [Test]
    public async Task Every_request_carries_the_configured_headers()
    {
        Server.Script(ScriptedServer.Json(200, ChatAnswer));
        var client = Client(o =>
        {
            o.Organization = "org-123";
            o.Project = "proj_456";
            o.DefaultHeaders["X-Gateway-Route"] = "blue";
        });

        await client.CreateChatCompletionAsync(ChatRequest);

        var request = Server.Requests[0];
        var version = typeof(OpenAIClient).Assembly.GetName().Version!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Path, Is.EqualTo("/v1/chat/completions"));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + Key));
            Assert.That(request.Header("OpenAI-Organization"), Is.EqualTo("org-123"));
            Assert.That(request.Header("OpenAI-Project"), Is.EqualTo("proj_456"));
            Assert.That(request.Header("X-Gateway-Route"), Is.EqualTo("blue"));
            Assert.That(request.Header("User-Agent"), Is.EqualTo($"OpenAI.Gen/{version.Major}.{version.Minor}.{version.Build}"));
            Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
        });
    }

    [Test]
    public async Task Default_headers_replace_the_client_own_ones()
    {
        Server.Script(ScriptedServer.Json(200, ChatAnswer));
        var client = Client(o =>
        {
            o.ApiKey = null;
            o.DefaultHeaders["User-Agent"] = "my-app/2.0";
            o.DefaultHeaders["Authorization"] = "Bearer from-gateway";
        });

        await client.CreateChatCompletionAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(Server.Requests[0].Header("User-Agent"), Is.EqualTo("my-app/2.0"));
            Assert.That(Server.Requests[0].Header("Authorization"), Is.EqualTo("Bearer from-gateway"), "an Authorization default header stands in for the key");
        });
    }

    [Test]
    public async Task An_Authorization_header_on_the_caller_HttpClient_stands_in_for_the_key()
    {
        Server.Script(ScriptedServer.Json(200, ChatAnswer));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token-from-caller");

        await Client(o =>
        {
            o.ApiKey = null;
            o.HttpClient = http;
        }).CreateChatCompletionAsync(ChatRequest);

        Assert.That(Server.Requests[0].Header("Authorization"), Is.EqualTo("Bearer token-from-caller"));
    }

    [Test]
    public async Task Key_base_url_organization_and_project_come_from_the_environment()
    {
        using var environment = new EnvironmentScope(
            (OpenAIClientOptions.ApiKeyEnvironmentVariable, "sk-from-env"),
            (OpenAIClientOptions.BaseUrlEnvironmentVariable, Server.BaseUrl.ToString().TrimEnd('/')),
            (OpenAIClientOptions.OrganizationEnvironmentVariable, "org-env"),
            (OpenAIClientOptions.ProjectEnvironmentVariable, "proj-env"));
        Server.Script(ScriptedServer.Json(200, ChatAnswer));

        await new OpenAIClient().CreateChatCompletionAsync(ChatRequest);

        var request = Server.Requests[0];
        Assert.Multiple(() =>
        {
            Assert.That(request.Path, Is.EqualTo("/v1/chat/completions"));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer sk-from-env"));
            Assert.That(request.Header("OpenAI-Organization"), Is.EqualTo("org-env"));
            Assert.That(request.Header("OpenAI-Project"), Is.EqualTo("proj-env"));
        });
    }

    [Test]
    public async Task Options_win_over_the_environment()
    {
        using var environment = new EnvironmentScope((OpenAIClientOptions.ApiKeyEnvironmentVariable, "sk-from-env"), (OpenAIClientOptions.BaseUrlEnvironmentVariable, "http://127.0.0.1:9/unused"));
        Server.Script(ScriptedServer.Json(200, ChatAnswer));

        await Client().CreateChatCompletionAsync(ChatRequest);

        Assert.That(Server.Requests[0].Header("Authorization"), Is.EqualTo("Bearer " + Key));
    }

    [Test]
    public async Task A_caller_supplied_HttpClient_carries_the_requests()
    {
        Server.Script(ScriptedServer.Json(503, Error("busy", "server_error")), ScriptedServer.Json(200, ChatAnswer));
        var counter = new CountingHandler(new HttpClientHandler());
        using var http = new HttpClient(counter);
        http.DefaultRequestHeaders.Add("X-From-Caller-Client", "yes");

        await Client(o => o.HttpClient = http).CreateChatCompletionAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(counter.Count, Is.EqualTo(2), "both attempts went through the caller's client");
            Assert.That(Server.Requests[1].Header("X-From-Caller-Client"), Is.EqualTo("yes"));
            Assert.That(Server.Requests[1].Header("Authorization"), Is.EqualTo("Bearer " + Key));
        });
    }

    [Test]
    public async Task The_existing_constructors_keep_working()
    {
        using var http = new HttpClient();
        using var environment = new EnvironmentScope((OpenAIClientOptions.ApiKeyEnvironmentVariable, "sk-env-for-bare-client"));
        Server.Script(ScriptedServer.Json(200, ChatAnswer), ScriptedServer.Json(200, ChatAnswer), ScriptedServer.Json(200, ChatAnswer));

        await new OpenAIClient(http, "sk-ctor", Server.BaseUrl).CreateChatCompletionAsync(ChatRequest);
        await new OpenAIClient(http, new OpenAIClientOptions { BaseUrl = Server.BaseUrl }).CreateChatCompletionAsync(ChatRequest);
        using (new EnvironmentScope((OpenAIClientOptions.BaseUrlEnvironmentVariable, Server.BaseUrl.ToString())))
        {
            await new OpenAIClient(http).CreateChatCompletionAsync(ChatRequest);
        }

        Assert.Multiple(() =>
        {
            Assert.That(Server.Requests[0].Header("Authorization"), Is.EqualTo("Bearer sk-ctor"));
            Assert.That(Server.Requests[1].Header("Authorization"), Is.EqualTo("Bearer sk-env-for-bare-client"), "a null key falls back to OPENAI_API_KEY");
            Assert.That(Server.Requests[2].Header("Authorization"), Is.EqualTo("Bearer sk-env-for-bare-client"), "the generated constructor goes through the pipeline too");
            Assert.That(Server.Requests[2].Header("User-Agent"), Does.StartWith("OpenAI.Gen/"));
        });
    }

    [Test]
    public async Task Later_changes_to_the_options_object_do_not_affect_a_client()
    {
        var options = Options();
        var client = new OpenAIClient(options);
        options.ApiKey = "sk-changed";
        options.DefaultHeaders["X-Late"] = "1";
        Server.Script(ScriptedServer.Json(200, ChatAnswer));

        await client.CreateChatCompletionAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(Server.Requests[0].Header("Authorization"), Is.EqualTo("Bearer " + Key));
            Assert.That(Server.Requests[0].Header("X-Late"), Is.Null);
        });
    }

    [Test]
    public async Task Successful_answers_expose_the_request_id_and_rate_limits()
    {
        Server.Script(ScriptedServer.Json(
            200,
            ChatAnswer,
            ("x-request-id", "req_ok_1"),
            ("x-ratelimit-limit-requests", "10000"),
            ("x-ratelimit-limit-tokens", "2000000"),
            ("x-ratelimit-remaining-requests", "9999"),
            ("x-ratelimit-remaining-tokens", "1999990"),
            ("x-ratelimit-reset-requests", "6ms"),
            ("x-ratelimit-reset-tokens", "1s")));

        var response = await Client().CreateChatCompletionWithResponseAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(response.Value.Id, Is.EqualTo(SpecExamples.DefaultChatId));
            Assert.That(response.StatusCode, Is.EqualTo(200));
            Assert.That(response.RequestId, Is.EqualTo("req_ok_1"));
            Assert.That(response.RateLimits.LimitRequests, Is.EqualTo(10000));
            Assert.That(response.RateLimits.LimitTokens, Is.EqualTo(2000000));
            Assert.That(response.RateLimits.RemainingRequests, Is.EqualTo(9999));
            Assert.That(response.RateLimits.RemainingTokens, Is.EqualTo(1999990));
            Assert.That(response.RateLimits.ResetRequests, Is.EqualTo(TimeSpan.FromMilliseconds(6)));
            Assert.That(response.RateLimits.ResetTokens, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(response.Headers["Content-Type"], Has.Some.StartsWith("application/json"));
        });
    }

    [Test]
    public async Task Concurrent_calls_each_get_their_own_request_id()
    {
        var client = Client();
        for (var i = 0; i < 8; i++)
        {
            Server.Script(ScriptedServer.Json(200, ChatAnswer, ("x-request-id", "req_" + i)));
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.CreateChatCompletionWithResponseAsync(ChatRequest)));

        Assert.That(responses.Select(r => r.RequestId).OrderBy(id => id), Is.EqualTo(Enumerable.Range(0, 8).Select(i => "req_" + i)));
    }

    [Test]
    public async Task Completions_answers_expose_the_request_id_too()
    {
        Server.Script(ScriptedServer.Json(200, Support.SpecExamples.Response("/completions", "No streaming"), ("x-request-id", "req_legacy")));

        var response = await Client().CreateCompletionWithResponseAsync(new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Say this is a test" });

        Assert.Multiple(() =>
        {
            Assert.That(response.RequestId, Is.EqualTo("req_legacy"));
            Assert.That(response.Value.Choices, Is.Not.Empty);
            Assert.That(Server.Requests[0].Path, Is.EqualTo("/v1/completions"));
        });
    }

    [Test]
    public async Task The_client_can_be_faked_by_overriding_its_virtual_operations()
    {
        IOpenAIClient fake = new FakeClient();

        var answer = await fake.CreateChatCompletionAsync(ChatRequest, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Id, Is.EqualTo("fake-1"));
            Assert.That(Server.Requests, Is.Empty);
        });

        // Each operation's …WithResponseAsync is an operation of its own: a fake overrides it like any other.
        var withResponse = await fake.CreateChatCompletionWithResponseAsync(ChatRequest);
        Assert.That((withResponse.Value.Id, withResponse.RequestId, Server.Requests.Count), Is.EqualTo(("fake-1", "req_fake", 0)));
    }
}
