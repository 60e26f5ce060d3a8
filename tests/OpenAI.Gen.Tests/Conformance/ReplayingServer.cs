using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>One recorded answer: status, content type and body exactly as a server sent them.</summary>
public sealed record Transcript(int Status, string ContentType, string Body);

/// <summary>A loopback server replaying recorded answers: <c>choose</c> picks one from the request's path and JSON body.</summary>
public static class ReplayingServer
{
    public static Task<LoopbackKestrel> StartAsync(Func<string, JObject, Transcript> choose) =>
        LoopbackKestrel.StartAsync(
            async context =>
            {
                var body = JObject.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync());
                var transcript = choose(context.Request.Path.Value ?? string.Empty, body);
                context.Response.StatusCode = transcript.Status;
                context.Response.ContentType = transcript.ContentType;
                await context.Response.WriteAsync(transcript.Body);
            },
            TimeSpan.FromSeconds(1));

    /// <summary>Server-sent events, one <c>data:</c> line per chunk, ended by <c>[DONE]</c> unless <paramref name="done"/> is false.</summary>
    public static Transcript Events(bool done, params string[] chunks) =>
        new(200, "text/event-stream", string.Concat(Array.ConvertAll(chunks, c => "data: " + c + "\n\n")) + (done ? "data: [DONE]\n\n" : string.Empty));

    public static bool Streamed(JObject body) => body["stream"]?.Type == JTokenType.Boolean && (bool)body["stream"]!;

    public static bool HasTools(JObject body) => body["tools"] is JArray { Count: > 0 };

    /// <summary>The invalid-request probe sends a member of the wrong JSON type (the model as a number).</summary>
    public static bool IsInvalid(JObject body) => body["model"]?.Type is JTokenType.Integer;
}
