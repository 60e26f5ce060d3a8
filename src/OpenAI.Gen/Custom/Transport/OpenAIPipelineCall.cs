using System.Threading;

namespace OpenAI.Gen;

/// <summary>One call through the pipeline: what to send, the caller's token, and how many attempts were made.</summary>
internal sealed class OpenAIPipelineCall
{
    internal OpenAIPipelineCall(OpenAIRequestTemplate template, CancellationToken cancellationToken)
    {
        Template = template;
        CancellationToken = cancellationToken;
    }

    internal OpenAIRequestTemplate Template { get; }

    /// <summary>The caller's token: its cancellation is never a timeout and never retried.</summary>
    internal CancellationToken CancellationToken { get; }

    internal int Attempts { get; set; }

    /// <summary>The first attempt's outcome while Polly, which is to retry it, has not taken it yet.</summary>
    internal Polly.Outcome<System.Net.Http.HttpResponseMessage>? Replay { get; set; }
}
