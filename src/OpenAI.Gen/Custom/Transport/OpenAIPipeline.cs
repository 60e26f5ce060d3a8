using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace OpenAI.Gen;

/// <summary>
/// What happens between the client and the wire: each attempt gets a fresh copy of the request with the credentials and
/// configured headers, its own time limit, and a body that is either read whole inside that limit (JSON and error
/// answers, so a connection lost mid-answer is retried like any other) or, for any other successful answer such as
/// <c>text/event-stream</c>, handed on as a stream that is never retried.
/// Polly's retry decides when to try again (status, <c>x-should-retry</c>, <c>retry-after-ms</c>/<c>Retry-After</c>,
/// exponential backoff with jitter); failures leave as <see cref="OpenAIException"/> subclasses, the caller's
/// cancellation as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class OpenAIPipeline
{

    private const int MaxRedirects = 5;

    private static readonly ResiliencePropertyKey<OpenAIPipelineCall> CallKey = new("OpenAI.Gen.Call");

    private readonly OpenAIClientSettings _settings;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly AttemptLimits _limits;

    internal OpenAIPipeline(OpenAIClientSettings settings)
    {
        _settings = settings;
        _limits = new AttemptLimits(settings.Timeout);
        _retry = settings.MaxRetries == 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.InitialRetryDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome)),
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    OpenAILog.Retrying(_settings.Logger, call.Template.Target, call.Attempts, Reason(args.Outcome), args.RetryDelay);
                    return default;
                },
            }).Build();
    }

    /// <summary>
    /// Sends <paramref name="request"/>, which the client built and nothing has sent yet: the first attempt hands the
    /// request itself to the transport, later attempts a copy. Every operation and stream of the client sends this way.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_settings.HasCredentials)
        {
            throw new OpenAIException(OpenAIClientSettings.MissingApiKeyMessage, null);
        }

        if (_settings.Query != null && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = new Uri(uri.AbsoluteUri + (uri.Query.Length == 0 ? "?" : "&") + _settings.Query);
        }

        // The whole call's deadline, when there is one, ends attempts and waits alike, and is reported as a timeout.
        using var deadline = _settings.TotalTimeout != null ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        deadline?.CancelAfter(_settings.TotalTimeout!.Value);
        var token = deadline?.Token ?? cancellationToken;
        var call = new OpenAIPipelineCall(await OpenAIRequestTemplate.CreateAsync(request).ConfigureAwait(false), token);

        // The first attempt runs outside Polly, which is needed only when it is to be retried: Polly then gets that
        // outcome as its own first execution, so the waits, retries and their logging are exactly Polly's.
        var outcome = await AttemptAsync(call).ConfigureAwait(false);
        if (_settings.MaxRetries > 0 && ShouldRetry(outcome))
        {
            call.Replay = outcome;
            var context = ResilienceContextPool.Shared.Get(token);
            try
            {
                context.Properties.Set(CallKey, call);
                outcome = await _retry.ExecuteOutcomeAsync(
                    static (ctx, state) => state.Handler.ReplayOrAttemptAsync(state.Call),
                    context,
                    (Handler: this, Call: call)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);

                // Polly stopped before taking the first outcome (the caller cancelled): its answer is released here.
                call.Replay?.Result?.Dispose();
                call.Replay = null;
            }
        }

        if (outcome.Exception is not { } error)
        {
            var response = outcome.Result!;
            if (ShouldRetry(outcome))
            {
                OpenAILog.GaveUp(_settings.Logger, call.Template.Target, call.Attempts, Reason(outcome));
            }

            return response;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            if (error is OperationCanceledException canceled && canceled.CancellationToken == cancellationToken)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }

            // As HttpClient reports a caller's cancellation: a TaskCanceledException carrying the caller's token.
#if NET8_0_OR_GREATER
            throw new TaskCanceledException("The call was canceled by the caller.", error, cancellationToken);
#else
            throw new OperationCanceledException("The call was canceled by the caller.", error, cancellationToken);
#endif
        }

        var target = call.Template.Target;
        OpenAILog.GaveUp(_settings.Logger, target, call.Attempts, Reason(outcome));
        if (deadline?.IsCancellationRequested == true)
        {
            throw new OpenAITimeoutException(
                $"{target} timed out after {call.Attempts} attempt(s): no complete answer within {OpenAIClientSettings.Format(_settings.TotalTimeout!.Value)} (OpenAIClientOptions.TotalTimeout)",
                _settings.TotalTimeout!.Value,
                error);
        }

        switch (error)
        {
            case OpenAITimeoutException timeout:
                throw new OpenAITimeoutException($"{target} timed out after {call.Attempts} attempt(s): {timeout.Message}", timeout.Timeout, timeout.InnerException);
            case HttpRequestException or IOException:
                throw new OpenAIConnectionException($"{target} failed after {call.Attempts} attempt(s), no complete answer: {Chain(error)}", error);
            default:
                ExceptionDispatchInfo.Capture(error).Throw();
                throw error;
        }
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => OpenAIRetryAdvice.ShouldRetry((int)outcome.Result!.StatusCode, outcome.Result.Headers),
        OpenAITimeoutException or HttpRequestException or IOException => true,
        _ => false,
    };

    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => "HTTP " + (int)outcome.Result!.StatusCode,
        OpenAITimeoutException timeout => timeout.Message,
        var e => Chain(e),
    };

    /// <summary>The exception and its causes, e.g. <c>HttpRequestException: … → SocketException: Connection refused</c>.</summary>
    private static string Chain(Exception e) =>
        e.GetType().Name + ": " + e.Message + (e.InnerException is { } inner ? " → " + Chain(inner) : string.Empty);

    /// <summary>
    /// Whether to read the body whole: error answers (small, and read whole anyway) and JSON answers. Anything else that
    /// succeeded — <c>text/event-stream</c>, or a stream a server labels oddly — is handed on as it arrives.
    /// </summary>
    private static bool ReadWhole(HttpResponseMessage response, HttpContent content)
    {
        var mediaType = content.Headers.ContentType?.MediaType;
        return !response.IsSuccessStatusCode
            || string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    // Not retried (only transport failures and timeouts are): the same request would bring the same answer.
    private OpenAIException TooLarge(HttpResponseMessage response, string what)
    {
        var error = new OpenAIException(
            $"The answer is larger than OpenAIClientOptions.MaxResponseBytes ({_settings.MaxResponseBytes} bytes): {what}; it was not read.",
            (int)response.StatusCode, null, ResponseHeaders.Collect(response), null);
        response.Dispose();
        return error;
    }

    private static HttpContent WithHeadersOf(HttpContent source, HttpContent target)
    {
#if NET8_0_OR_GREATER
        // Usually Content-Type and Content-Length are all there is: the parsed type is handed over as it is (enumerating
        // the headers writes every value out as text, which the reader then parses again).
        var headers = source.Headers;
        var length = headers.NonValidated.Contains("Content-Length") ? headers.ContentLength : null;
        var type = headers.NonValidated.Contains("Content-Type") ? headers.ContentType : null;
        if (headers.NonValidated.Count == (type != null ? 1 : 0) + (length != null ? 1 : 0))
        {
            target.Headers.ContentType = type;
            target.Headers.ContentLength = length;
            return target;
        }
#endif
        foreach (var header in source.Headers)
        {
            target.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return target;
    }

    private TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response && OpenAIRetryAdvice.RetryAfter(response.Headers, DateTimeOffset.UtcNow) is { } wait
            ? OpenAIRetryAdvice.Cap(wait, _settings.MaxRetryAfter)
            : null;

    private ValueTask<Outcome<HttpResponseMessage>> ReplayOrAttemptAsync(OpenAIPipelineCall call)
    {
        if (call.Replay is { } first)
        {
            call.Replay = null;
            return new ValueTask<Outcome<HttpResponseMessage>>(first);
        }

        return AttemptAsync(call);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(OpenAIPipelineCall call)
    {
        var attempt = ++call.Attempts;
        if (_settings.Logger.IsEnabled(LogLevel.Debug))
        {
            OpenAILog.Sending(_settings.Logger, call.Template.Target, attempt, _settings.MaxRetries + 1);
        }

        // Not disposed: the answer refers to it, and its content is a plain byte array (or the caller's own request).
        var request = call.Template.CreateAttempt(_settings, attempt - 1);
        var started = Stopwatch.GetTimestamp();
        var limit = _limits.Rent();
        var forward = AttemptLimits.Forward(call.CancellationToken, limit);
        HttpResponseMessage? response = null;
        try
        {
            response = await _settings.Transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (IsRedirect(response) || !ReferenceEquals(request.RequestUri, call.Template.Uri))
            {
                response = await FollowRedirectsAsync(call, request, response, attempt, limit.Token).ConfigureAwait(false);
            }

            await TakeBodyAsync(response, call.Template, limit.Token).ConfigureAwait(false);
            if (_settings.Logger.IsEnabled(LogLevel.Information))
            {
                // The request id is looked up only for the log line.
                var elapsed = TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
                OpenAILog.Answered(_settings.Logger, call.Template.Target, (int)response.StatusCode, OpenAIRetryAdvice.Header(response.Headers, "x-request-id"), elapsed, attempt);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception e) when (!call.CancellationToken.IsCancellationRequested && (limit.IsCancellationRequested || e is OperationCanceledException))
        {
            response?.Dispose();

            // Our limit, or else the caller's HttpClient.Timeout: a timeout either way, never the caller's cancellation.
            var timeout = new OpenAITimeoutException(
                limit.IsCancellationRequested
                    ? $"no complete answer within {OpenAIClientSettings.Format(_settings.Timeout)} (OpenAIClientOptions.Timeout)"
                    : $"no complete answer within {OpenAIClientSettings.Format(_settings.Transport.Timeout)} (the HttpClient's Timeout)",
                limit.IsCancellationRequested ? _settings.Timeout : _settings.Transport.Timeout,
                e);
            return Outcome.FromException<HttpResponseMessage>(timeout);
        }
        catch (Exception e)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(e);
        }
        finally
        {
            forward.Dispose();
            _limits.Return(limit);
        }
    }

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is 301 or 302 or 303 or 307 or 308;

    /// <summary>
    /// Follows redirects itself (the shared transport does not): only to the same origin and only 307/308, which keep the
    /// method and body. Anything else is refused with a non-retried <see cref="OpenAIException"/>: the credentials
    /// (<c>Authorization</c>, <c>api-key</c>, <c>OpenAI-Organization</c>, <c>OpenAI-Project</c>, default headers) and the
    /// prompt never go to another origin, and a POST is never replayed as a GET. A caller's transport that followed a
    /// redirect to another origin on its own is reported the same way (it has sent the request there already).
    /// </summary>
    private async Task<HttpResponseMessage> FollowRedirectsAsync(OpenAIPipelineCall call, HttpRequestMessage request, HttpResponseMessage response, int attempt, CancellationToken cancellationToken)
    {
        for (var hops = 0; ; hops++)
        {
            var from = call.Template.Uri;
            if (hops == 0 && from != null && request.RequestUri is { } sentTo && !SameOrigin(from, sentTo))
            {
                throw Redirected(call, response, $"to another origin ({sentTo.GetLeftPart(UriPartial.Authority)}) by the HttpClient's own handler, which sent the request there with its headers (only Authorization is dropped); give it AllowAutoRedirect = false, and this client refuses such redirects before sending");
            }

            var status = (int)response.StatusCode;
            if (!IsRedirect(response) || response.Headers.Location is not { } location || from == null)
            {
                return response;
            }

            var to = location.IsAbsoluteUri ? location : new Uri(request.RequestUri ?? from, location);
            if (!SameOrigin(from, to))
            {
                throw Redirected(call, response, $"(HTTP {status}) to another origin ({to.GetLeftPart(UriPartial.Authority)}); the request, its credentials and its body were not sent there");
            }

            if (status is not (307 or 308))
            {
                throw Redirected(call, response, $"with HTTP {status}, which would replay the {request.Method} as a GET; it was not followed");
            }

            if (hops == MaxRedirects)
            {
                throw Redirected(call, response, $"more than {MaxRedirects} times");
            }

            response.Dispose();
            request = call.Template.CreateAttempt(_settings, attempt - 1, to);
            response = await _settings.Transport.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static OpenAIException Redirected(OpenAIPipelineCall call, HttpResponseMessage response, string what)
    {
        var error = new OpenAIException(
            $"{call.Template.Target} was redirected {what}. If the new address is right, set OpenAIClientOptions.BaseUrl to it.",
            (int)response.StatusCode, null, ResponseHeaders.Collect(response), null);
        response.Dispose();
        return error;
    }

    /// <summary>
    /// Reads a JSON or error answer whole within the attempt's limit (such answers are small, and the generated client
    /// reads them whole anyway), or wraps any other one as a stream whose reads are timed and whose failures are typed.
    /// </summary>
    private async Task TakeBodyAsync(HttpResponseMessage response, OpenAIRequestTemplate template, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content == null)
        {
            return;
        }

        if (!ReadWhole(response, content))
        {
            var stream = await content.ReadStreamAsync(cancellationToken).ConfigureAwait(false);
            response.Content = WithHeadersOf(content, new StreamContent(new OpenAIResponseStream(stream, content, _settings.Timeout, template.Target)));
            return;
        }

        // An error answer is kept to its first MiB (all a message needs); a JSON answer must fit MaxResponseBytes whole.
        var limit = response.IsSuccessStatusCode ? _settings.MaxResponseBytes : Math.Min(_settings.MaxResponseBytes, OpenAIException.MaxKeptBody);
        if (response.IsSuccessStatusCode && content.Headers.ContentLength > limit)
        {
            throw TooLarge(response, $"its Content-Length is {content.Headers.ContentLength} bytes");
        }

        (byte[] Bytes, bool Complete) body;
        using (var stream = await content.ReadStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            body = await WholeBody.ReadAsync(stream, content.Headers.ContentLength, limit, keepHead: !response.IsSuccessStatusCode, cancellationToken).ConfigureAwait(false);
        }

        if (!body.Complete && response.IsSuccessStatusCode)
        {
            throw TooLarge(response, "its body is longer");
        }

        response.Content = WithHeadersOf(content, new BufferedBodyContent(body.Bytes, body.Bytes.Length));
        content.Dispose();

        // Servers that send {"error": …} with a success status (LM Studio, proxies): read leniently, it would pass for
        // an empty answer. It is the error it says; not retried.
        if (response.IsSuccessStatusCode && ErrorBody.IsErrorPayload(body.Bytes))
        {
            var text = System.Text.Encoding.UTF8.GetString(body.Bytes);
            var error = new OpenAIException("The server answered with an error object.", (int)response.StatusCode, text, ResponseHeaders.Collect(response), null);
            response.Dispose();
            throw error;
        }
    }
}
