using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>The one place where netstandard2.0, whose <see cref="HttpContent"/> reads take no token, differs from net8.0.</summary>
internal static class HttpContentReads
{
    /// <summary>The body as a stream (the token is honoured where the runtime takes it).</summary>
    internal static Task<Stream> ReadStreamAsync(this HttpContent content, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return content.ReadAsStreamAsync(cancellationToken);
#else
        return content.ReadAsStreamAsync();
#endif
    }

    /// <summary>The body as text (the token is honoured where the runtime takes it).</summary>
    internal static Task<string> ReadTextAsync(this HttpContent content, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return content.ReadAsStringAsync(cancellationToken);
#else
        return content.ReadAsStringAsync();
#endif
    }
}
