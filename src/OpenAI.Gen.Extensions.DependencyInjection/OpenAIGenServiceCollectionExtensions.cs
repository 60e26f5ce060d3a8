using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Gen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="OpenAIClient"/> / <see cref="IOpenAIClient"/> in a service collection.</summary>
public static class OpenAIGenServiceCollectionExtensions
{
    /// <summary>The <c>IHttpClientFactory</c> name of the client's <see cref="System.Net.Http.HttpClient"/>.</summary>
    public const string HttpClientName = "OpenAI.Gen";

    /// <summary>
    /// Registers <see cref="OpenAIClient"/> and <see cref="IOpenAIClient"/> as an <c>IHttpClientFactory</c> typed client,
    /// with <see cref="OpenAIClientOptions"/> from <paramref name="configure"/> (values left unset come from the environment)
    /// and logging through the container's <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <returns>The builder of the named <see cref="System.Net.Http.HttpClient"/>, to add handlers or a primary handler.</returns>
    public static IHttpClientBuilder AddOpenAIGen(this IServiceCollection services, Action<OpenAIClientOptions>? configure = null) =>
        AddOpenAIGen(services, null, configure);

    /// <summary>
    /// Like <see cref="AddOpenAIGen(IServiceCollection, Action{OpenAIClientOptions})"/>, with <see cref="OpenAIClientOptions"/>
    /// bound from <paramref name="configuration"/> (e.g. <c>configuration.GetSection("OpenAI")</c> holding <c>ApiKey</c>,
    /// <c>BaseUrl</c>, <c>Organization</c>, <c>Project</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>DefaultHeaders:Name</c>, …),
    /// then <paramref name="configure"/> applied.
    /// </summary>
    /// <returns>The builder of the named <see cref="System.Net.Http.HttpClient"/>, to add handlers or a primary handler.</returns>
    public static IHttpClientBuilder AddOpenAIGen(this IServiceCollection services, IConfiguration? configuration, Action<OpenAIClientOptions>? configure = null)
    {
        if (services == null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<OpenAIClientOptions>();
        if (configuration != null)
        {
            options.Bind(configuration);
        }

        if (configure != null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<ILoggerFactory>((o, loggerFactory) => o.LoggerFactory ??= loggerFactory);

        // The client times each attempt itself (OpenAIClientOptions.Timeout); the factory's 100 s default would cut it short.
        var builder = services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddTypedClient((http, provider) => new OpenAIClient(http, provider.GetRequiredService<IOptions<OpenAIClientOptions>>().Value));
        services.TryAddTransient<IOpenAIClient>(provider => provider.GetRequiredService<OpenAIClient>());
        return builder;
    }
}
