using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// The request body of a call in the first media type the spec lists for it: JSON as the client writes it,
/// <c>multipart/form-data</c> (each <see cref="OpenAIFile"/> as a file part, arrays as one part per item, objects as
/// JSON text), <c>application/x-www-form-urlencoded</c>, or raw bytes from a stream.
/// </summary>
internal static class OperationContent
{
    private const string FormData = "multipart/form-data";
    private const string FormUrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The content of <paramref name="body"/>, or null when there is none.</summary>
    /// <exception cref="ArgumentException">The body holds null in a member the spec requires (the message gives its JSON path).</exception>
    internal static HttpContent? Create(OpenAIOperation operation, object? body)
    {
        if (body == null)
        {
            return null;
        }

        try
        {
            return Content(operation, body);
        }
        catch (JsonSerializationException e) when (RequiredNullFinder.Find(body) is { } path)
        {
            // What the server would refuse is refused here, before anything is sent, naming the member.
            throw new ArgumentException($"The request body holds null at {path}, which the spec requires to have a value: set it before sending.", nameof(body), e);
        }
    }

    private static HttpContent Content(OpenAIOperation operation, object body)
    {
        var mediaType = operation.RequestMediaTypes.Count == 0 ? "application/json" : operation.RequestMediaTypes[0];
        if (mediaType.Equals(FormData, StringComparison.OrdinalIgnoreCase))
        {
            return Multipart(body);
        }

        if (mediaType.Equals(FormUrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var field in Fields(body))
            {
                pairs.Add(new KeyValuePair<string, string>(field.Key, Text(field.Value)));
            }

            return new FormUrlEncodedContent(pairs);
        }

        switch (body)
        {
            case OpenAIFile file:
                return FilePart(file);
            case Stream stream:
                return new StreamContent(stream) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };
            case string text when OperationAnswer.KindOf(mediaType) == AnswerKind.Text:
                return new StringContent(text, Encoding.UTF8, mediaType);
            default:
                return JsonRequestContent.Create(body);
        }
    }

    private static MultipartFormDataContent Multipart(object body)
    {
        var content = new MultipartFormDataContent();
        foreach (var field in Fields(body))
        {
            if (field.Value is OpenAIFile file)
            {
                content.Add(FilePart(file), Quoted(field.Key), Quoted(file.FileName));
            }
            else
            {
                content.Add(new StringContent(Text(field.Value), Encoding.UTF8), Quoted(field.Key));
            }
        }

        return content;
    }

    private static StreamContent FilePart(OpenAIFile file) =>
        new(file.Content) { Headers = { ContentType = MediaTypeHeaderValue.Parse(file.ContentType) } };

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\\\"") + "\"";

    // One pair per form field: a set member (or an entry of a dictionary body), one per item of an array; null is not sent.
    private static IEnumerable<KeyValuePair<string, object>> Fields(object body)
    {
        foreach (var member in Members(body))
        {
            if (member.Value == null)
            {
                continue;
            }

            if (member.Value is not OpenAIFile && ParameterValues.Items(member.Value) is { } items)
            {
                foreach (var item in items)
                {
                    if (item != null)
                    {
                        yield return new KeyValuePair<string, object>(member.Key, item);
                    }
                }
            }
            else
            {
                yield return new KeyValuePair<string, object>(member.Key, member.Value);
            }
        }
    }

    // A DTO's members as its contract writes them (unset ones stay out), with its additional properties; or a dictionary's entries.
    private static IEnumerable<KeyValuePair<string, object?>> Members(object body)
    {
        if (body is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                yield return new KeyValuePair<string, object?>((string)entry.Key, entry.Value);
            }

            yield break;
        }

        if (OpenAIContractResolver.Instance.ResolveContract(body.GetType()) is not JsonObjectContract contract)
        {
            throw new ArgumentException($"A {body.GetType().Name} cannot be sent as form fields: it is not an object with members.", nameof(body));
        }

        foreach (var property in contract.Properties)
        {
            if (!property.Ignored && property.Readable && (property.ShouldSerialize == null || property.ShouldSerialize(body)) && (property.GetIsSpecified == null || property.GetIsSpecified(body)))
            {
                yield return new KeyValuePair<string, object?>(property.PropertyName!, property.ValueProvider!.GetValue(body));
            }
        }

        if (contract.ExtensionDataGetter?.Invoke(body) is { } extra)
        {
            foreach (var entry in extra)
            {
                yield return new KeyValuePair<string, object?>((string)entry.Key, entry.Value);
            }
        }
    }

    // A field's text: scalars as the wire writes them, objects and arrays (and JSON trees) as compact JSON.
    private static string Text(object value) => value switch
    {
        JValue json => ParameterValues.Scalar(json),
        JToken json => json.ToString(Newtonsoft.Json.Formatting.None),
        string or bool or ExtensibleEnum or Enum or IFormattable => ParameterValues.Scalar(value),
        _ => OpenAIJson.Default.ToToken(value) is JValue json ? ParameterValues.Scalar(json) : Encoding.UTF8.GetString(OpenAIJson.Default.Writer.Write(value)),
    };
}
