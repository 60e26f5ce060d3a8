using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// The <see cref="HttpClient"/> an <see cref="OpenAIClient"/> sends through: every request — generated operations and
/// hand-written ones such as streaming alike — passes <see cref="OpenAIPipelineHandler"/> (credentials, headers,
/// timeouts, retries, logging, typed errors) before reaching the transport (the caller's client or a shared one).
/// </summary>
internal sealed class OpenAIHttpPipeline : HttpClient
{
    private readonly OpenAIPipelineHandler _handler;

    internal OpenAIHttpPipeline(OpenAIClientSettings settings)
        : this(new OpenAIPipelineHandler(settings), settings)
    {
    }

    private OpenAIHttpPipeline(OpenAIPipelineHandler handler, OpenAIClientSettings settings)
        : base(handler, disposeHandler: true)
    {
        _handler = handler;
        Settings = settings;
        // Each attempt is timed by the handler; a client-wide limit would cut retries and streams short.
        Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    internal OpenAIClientSettings Settings { get; }

    /// <summary>
    /// Sends a request the client built and nothing has sent, straight to the pipeline: without this client's own
    /// bookkeeping around it, and without marking the request sent, so the first attempt needs no copy of it.
    /// </summary>
    internal Task<HttpResponseMessage> SendUnsentAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _handler.SendUnsentAsync(request, cancellationToken);
}
