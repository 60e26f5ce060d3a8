using System.Net.Http;

namespace OpenAI.Gen;

/// <summary>
/// The <see cref="HttpClient"/> an <see cref="OpenAIClient"/> sends through: every request — generated operations and
/// hand-written ones such as streaming alike — passes <see cref="OpenAIPipelineHandler"/> (credentials, headers,
/// timeouts, retries, logging, typed errors) before reaching the transport (the caller's client or a shared one).
/// </summary>
internal sealed class OpenAIHttpPipeline : HttpClient
{
    internal OpenAIHttpPipeline(OpenAIClientSettings settings)
        : base(new OpenAIPipelineHandler(settings), disposeHandler: true)
    {
        Settings = settings;
        // Each attempt is timed by the handler; a client-wide limit would cut retries and streams short.
        Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    internal OpenAIClientSettings Settings { get; }
}
