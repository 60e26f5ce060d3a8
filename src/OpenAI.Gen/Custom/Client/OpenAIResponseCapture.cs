using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// Carries the status and headers of the answer a generated operation received back to the <c>…WithResponseAsync</c>
/// method that called it. The slot is async-local, so concurrent calls on one client never see each other's answers.
/// </summary>
internal sealed class OpenAIResponseCapture
{
    private static readonly AsyncLocal<OpenAIResponseCapture?> Current = new();

    private int _statusCode;
    private IReadOnlyDictionary<string, IEnumerable<string>>? _headers;

    /// <summary>Runs <paramref name="operation"/> and pairs its result with the answer it received.</summary>
    internal static async Task<OpenAIResponse<T>> RunAsync<T>(Func<Task<T>> operation, string operationName)
    {
        // Set inside this async method, so the value flows into the operation and is gone when this method returns.
        var capture = new OpenAIResponseCapture();
        Current.Value = capture;
        var value = await operation().ConfigureAwait(false);
        return capture._headers == null
            ? throw new InvalidOperationException($"{operationName} returned without an HTTP answer (is it overridden?); override the …WithResponseAsync method as well.")
            : new OpenAIResponse<T>(value, capture._statusCode, capture._headers);
    }

    /// <summary>Records <paramref name="response"/> when a <c>…WithResponseAsync</c> call is waiting for it.</summary>
    internal static void Observe(HttpResponseMessage response)
    {
        if (Current.Value is { } capture)
        {
            capture._statusCode = (int)response.StatusCode;
            capture._headers = response.Headers
                .Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => (IEnumerable<string>)g.SelectMany(h => h.Value).ToList(), StringComparer.OrdinalIgnoreCase);
        }
    }
}
