using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Reads a captured answer through <see cref="OpenAIClient"/> itself: the operation's method (<c>CreateChatCompletionAsync</c>,
/// <c>CreateChatCompletionStreamAsync</c>, …, found by operationId) is called against a <see cref="ReplayHandler"/>, so
/// the pipeline, event parser and readers run on the server's bytes. Where the client has no such method, the values
/// are read into the schema's DTO as the client reads answers and chunks (leniently) instead.
/// </summary>
internal static class ClientReplay
{
    private static readonly Uri ReplayUrl = new("http://replay.invalid/v1/");

    /// <summary>What the client threw reading the answer, or null when it read it.</summary>
    public static async Task<Exception?> ReadAsync(PlannedCheck plan, CapturedAnswer answer, IReadOnlyList<JToken> values, ExampleValidationOptions validation, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new ReplayHandler(answer));
        var options = new OpenAIClientOptions { ApiKey = "sk-conformance-replay", BaseUrl = ReplayUrl, MaxRetries = 0 };
        var client = new OpenAIClient(http, options);
        var method = Method(plan.Operation, plan.Streamed);
        var body = method == null ? null : RequestFor(BodyParameter(method)!, plan, OpenAIJson.Default.CopySettings());
        try
        {
            if ((method == null || body == null) && answer.StatusCode is not (>= 200 and < 300))
            {
                // No typed call to make: the client's core sends a call of the operation with no values, and reads the
                // error answer as every call does.
                var call = new OpenAIOperation(plan.Operation, plan.Method, Regex.Replace(plan.Path, "{[^}]+}", "replay"), Array.Empty<OperationParameter>(), Array.Empty<string>(), Array.Empty<OperationAnswer>());
                await new OpenAIClientCore(new OpenAIClientSettings(options, http)).SendWithoutAnswerAsync(call, Array.Empty<object?>(), null, cancellationToken).ConfigureAwait(false);
                return null;
            }

            if (method == null || body == null)
            {
                // As the client reads them: chunks with the chunk reader's rules, whole answers leniently.
                ReadValues(plan, values, validation, plan.Streamed ? OpenAIJson.Default.Chunks.Serializer : OpenAIJson.Default.Answers.Serializer);
                return null;
            }

            var result = method.Invoke(client, Arguments(method, body, cancellationToken));
            if (result is IAsyncEnumerable<object> stream)
            {
                await foreach (var _ in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                }
            }
            else if (result is Task task)
            {
                await task.ConfigureAwait(false);
            }

            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            return e.InnerException;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return e;
        }
    }

    // The operation's method: a body, then the cancellation token last; path parameters (strings, which the replay
    // ignores) and optional parameters may stand beside the body.
    private static MethodInfo? Method(string operationId, bool streamed)
    {
        var name = Pascal(operationId) + (streamed ? "StreamAsync" : "Async");
        return typeof(OpenAIClient).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == name && m.GetParameters() is { Length: >= 2 } p && p[p.Length - 1].ParameterType == typeof(CancellationToken)
                                 && BodyParameter(m) is { } body
                                 && p.All(x => x.Position == body.Position || x.ParameterType == typeof(string) || x.IsOptional));
    }

    /// <summary>The one parameter of the method that is a request type (not a string, a value or the token), or null.</summary>
    private static ParameterInfo? BodyParameter(MethodInfo method)
    {
        var bodies = method.GetParameters().Where(p => p.ParameterType.IsClass && p.ParameterType != typeof(string) && !p.IsOptional).ToList();
        return bodies.Count == 1 ? bodies[0] : null;
    }

    private static object?[] Arguments(MethodInfo method, object body, CancellationToken cancellationToken) =>
        method.GetParameters().Select(p =>
                p.ParameterType == typeof(CancellationToken) ? cancellationToken
                : p.ParameterType.IsClass && p.ParameterType != typeof(string) && !p.IsOptional ? body
                : p.ParameterType == typeof(string) && !p.IsOptional ? "replay"
                : p.HasDefaultValue ? p.DefaultValue
                : null)
            .ToArray();

    /// <summary>A valid request of the operation in the body's type (the replay ignores it; the method needs one).</summary>
    private static object? RequestFor(ParameterInfo parameter, PlannedCheck plan, JsonSerializerSettings settings)
    {
        foreach (var body in new[] { plan.Body, plan.ClientBody }.Where(b => b != null))
        {
            try
            {
                using var reader = new JTokenReader(body!);
                if (JsonSerializer.Create(settings).Deserialize(reader, parameter.ParameterType) is { } request)
                {
                    return request;
                }
            }
            catch (JsonException)
            {
                // An invalid probe's body: the operation's valid example serves.
            }
        }

        return null;
    }

    private static void ReadValues(PlannedCheck plan, IReadOnlyList<JToken> values, ExampleValidationOptions validation, JsonSerializer serializer)
    {
        var schema = plan.Streamed ? plan.ChunkSchema ?? plan.ResponseSchema : plan.ResponseSchema;
        var type = (schema == null ? null : validation.DtoResolver(schema))
                   ?? throw new InvalidOperationException($"the client has no method for {plan.Operation} and no type for schema {schema ?? "(none)"} to read the answer with");
        foreach (var value in values)
        {
            using var reader = new JTokenReader(value);
            _ = serializer.Deserialize(reader, type) ?? throw new JsonSerializationException($"{type.Name} read the value as null");
        }
    }

    private static string Pascal(string operationId)
    {
        var words = operationId.Split(new[] { '-', '_', '.', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
    }
}
