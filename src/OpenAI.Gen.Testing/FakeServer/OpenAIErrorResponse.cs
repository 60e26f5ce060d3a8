using System.Net;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>Error answers shaped like OpenAI's: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
internal static class OpenAIErrorResponse
{
    public static HttpResponseMessage Create(HttpStatusCode status, string message, string type, string? param, string? code)
    {
        var body = new JObject
        {
            ["error"] = new JObject
            {
                ["message"] = message,
                ["type"] = type,
                ["param"] = param,
                ["code"] = code,
            },
        };
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(body.ToString(Formatting.Indented), Encoding.UTF8, "application/json"),
        };
    }
}
