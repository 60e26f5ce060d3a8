using System.Collections.Generic;
using System.Net.Http;

namespace OpenAI.Gen;

/// <summary>Response and content headers in the shape <see cref="OpenAIException"/> takes.</summary>
internal static class ResponseHeaders
{
    public static IReadOnlyDictionary<string, IEnumerable<string>> Collect(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        if (response.Content != null)
        {
            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = header.Value;
            }
        }

        return headers;
    }
}
