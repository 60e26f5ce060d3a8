using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>Sends one request as written and keeps the answer's bytes, with timings, within a time limit.</summary>
internal static class AnswerCapture
{
    /// <summary>Answers larger than this are not kept (a server streaming forever is a failure, not a memory problem).</summary>
    private const int MaxBody = 16 * 1024 * 1024;

    public static async Task<CapturedAnswer> SendAsync(HttpClient http, Uri url, string method, JToken? body, bool streamed, string? apiKey, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = new CapturedAnswer();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(streamed ? "text/event-stream" : "application/json"));
        if (apiKey != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        if (body != null)
        {
            request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        }

        var clock = Stopwatch.StartNew();
        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            answer.StatusCode = (int)response.StatusCode;
            answer.Headers.AddRange(response.Headers);
            answer.Headers.AddRange(response.Content.Headers);
            answer.MediaType = response.Content.Headers.ContentType?.MediaType;
            await ReadBodyAsync(response, answer, clock, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            answer.Failure = answer.StatusCode == null
                ? $"no answer within {Seconds(timeout)}"
                : $"the answer did not end within {Seconds(timeout)} (HTTP {answer.StatusCode}, {answer.Received} bytes so far)";
        }
        catch (HttpRequestException e)
        {
            answer.Failure = "no answer: " + Describe(e);
        }
        catch (IOException e)
        {
            answer.Failure = $"the connection broke after {answer.Received} bytes of the answer: {Describe(e)}";
        }
        finally
        {
            response?.Dispose();
            answer.Duration = clock.Elapsed;
        }

        return answer;
    }

    private static async Task ReadBodyAsync(HttpResponseMessage response, CapturedAnswer answer, Stopwatch clock, CancellationToken cancellationToken)
    {
        // Disposing the response aborts a read that does not watch the token itself.
        using var abort = cancellationToken.Register(response.Dispose);
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            kept.Write(buffer, 0, read);
            if (kept.Length > MaxBody)
            {
                throw new IOException($"the answer is larger than {MaxBody / (1024 * 1024)} MB; reading stopped");
            }

            if (answer.FirstEvent == null && EndsAnEvent(kept))
            {
                answer.FirstEvent = clock.Elapsed;
            }

            answer.Received = kept.Length;
        }

        cancellationToken.ThrowIfCancellationRequested();
        answer.Body = kept.ToArray();
    }

    /// <summary>Whether the bytes so far hold a blank line, which ends an event (LF LF, CR CR or CRLF CRLF).</summary>
    private static bool EndsAnEvent(MemoryStream kept)
    {
        var text = Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
        return text.Contains("\n\n") || text.Contains("\r\r") || text.Contains("\r\n\r\n");
    }

    private static string Describe(Exception e)
    {
        var messages = new[] { e }.Concat(Inner(e)).Select(x => x.Message).Distinct();
        return string.Join(": ", messages);
    }

    private static System.Collections.Generic.IEnumerable<Exception> Inner(Exception e)
    {
        for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
