using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>Serves an <see cref="HttpMessageHandler"/> (e.g. the fake server) over real loopback HTTP, for tools that call a URL.</summary>
public static class HandlerHost
{
    /// <summary>Starts Kestrel passing each request to <paramref name="handler"/> and its answer back, headers and body as they are.</summary>
    public static Task<LoopbackKestrel> StartAsync(HttpMessageHandler handler)
    {
        var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        return LoopbackKestrel.StartAsync(
            async context =>
            {
                var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri("http://127.0.0.1" + context.Request.Path + context.Request.QueryString))
                {
                    Content = new ByteArrayContent(body.ToArray()),
                };
                if (context.Request.ContentType != null)
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Request.ContentType);
                }

                using var response = await invoker.SendAsync(request, context.RequestAborted);
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var header in response.Headers)
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }

                context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
                await response.Content.CopyToAsync(context.Response.Body);
            },
            TimeSpan.FromSeconds(1));
    }
}
