using System;
using System.Collections.Generic;
using System.Net.Http;

namespace OpenAI.Gen;

/// <summary>
/// What the spec says about one operation, generated per operation (Templates/Client.Class.liquid): the HTTP method, the
/// path template, the parameters with their location and style, the request's media types and the answers by status
/// and media type. <see cref="OpenAIClientCore"/> sends any operation from this and the caller's values alone.
/// </summary>
internal sealed class OpenAIOperation
{
    private readonly string?[] _accepts = new string?[(int)AnswerKind.EventStream + 1];

    internal OpenAIOperation(string id, string method, string path, OperationParameter[] parameters, string[] requestMediaTypes, OperationAnswer[] answers)
    {
        Id = id;
        Method = method.ToUpperInvariant() switch
        {
            "GET" => HttpMethod.Get,
            "POST" => HttpMethod.Post,
            "PUT" => HttpMethod.Put,
            "DELETE" => HttpMethod.Delete,
            var other => new HttpMethod(other),
        };
        PathTemplate = path.TrimStart('/');
        Parameters = parameters;
        RequestMediaTypes = requestMediaTypes;
        Answers = answers;
        foreach (var parameter in parameters)
        {
            HasUriParameters |= parameter.Location is ParameterLocation.Path or ParameterLocation.Query;
        }

        // Built once: every call asks for one.
        foreach (var answer in answers)
        {
            ref var accept = ref _accepts[(int)answer.Kind];
            if (answer.IsSuccess && (accept == null || accept.IndexOf(answer.MediaType, StringComparison.OrdinalIgnoreCase) < 0))
            {
                accept = accept == null ? answer.MediaType : accept + ", " + answer.MediaType;
            }
        }
    }

    /// <summary>The spec's <c>operationId</c>.</summary>
    internal string Id { get; }

    internal HttpMethod Method { get; }

    /// <summary>The path relative to the base URL, with <c>{name}</c> where a path parameter goes.</summary>
    internal string PathTemplate { get; }

    /// <summary>The parameters in the order the typed method passes their values.</summary>
    internal IReadOnlyList<OperationParameter> Parameters { get; }

    /// <summary>The media types the request body may have, the spec's order (empty when there is no body).</summary>
    internal IReadOnlyList<string> RequestMediaTypes { get; }

    /// <summary>The answers the spec describes.</summary>
    internal IReadOnlyList<OperationAnswer> Answers { get; }

    /// <summary>Whether a path or query parameter makes each call's URI different.</summary>
    internal bool HasUriParameters { get; }

    /// <summary>
    /// The <c>Accept</c> value for a call that wants answers of <paramref name="kind"/>: the media types of the successful
    /// answers of that kind the spec lists, or <paramref name="fallback"/> when it lists none.
    /// </summary>
    internal string Accept(AnswerKind kind, string fallback) => _accepts[(int)kind] ?? fallback;

    /// <summary>The description, e.g. <c>GET chat/completions/{completion_id}</c>.</summary>
    public override string ToString() => Method.Method + " " + PathTemplate;
}
