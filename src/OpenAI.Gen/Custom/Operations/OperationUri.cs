using System;
using System.Collections.Generic;
using System.Text;

namespace OpenAI.Gen;

/// <summary>
/// The URI of one call: path parameters escaped into the template, query parameters by their style (form, exploded or
/// not, deepObject, space- or pipe-delimited); a parameter without a value (null, or an empty array) is left out.
/// </summary>
internal static class OperationUri
{
    /// <summary>The call's path and query, relative to the base URL.</summary>
    /// <exception cref="ArgumentNullException">A required path parameter has no value.</exception>
    internal static string Relative(OpenAIOperation operation, IReadOnlyList<object?> values)
    {
        var path = new StringBuilder(operation.PathTemplate);
        var query = new StringBuilder();
        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            var parameter = operation.Parameters[i];
            var value = i < values.Count ? values[i] : null;
            if (parameter.Location == ParameterLocation.Path)
            {
                var text = value == null ? null : PathValue(value);
                if (string.IsNullOrEmpty(text))
                {
                    throw new ArgumentNullException(parameter.Name, $"{operation}: the path parameter '{parameter.Name}' needs a value.");
                }

                path.Replace("{" + parameter.Name + "}", text);
            }
            else if (parameter.Location == ParameterLocation.Query && value != null)
            {
                AppendQuery(query, parameter, value);
            }
        }

        return query.Length == 0 ? path.ToString() : path.Append('?').Append(query.ToString(1, query.Length - 1)).ToString();
    }

    private static string PathValue(object value)
    {
        if (ParameterValues.Items(value) is { } items)
        {
            var joined = new StringBuilder();
            foreach (var item in items)
            {
                if (item != null)
                {
                    joined.Append(joined.Length == 0 ? string.Empty : ",").Append(Uri.EscapeDataString(ParameterValues.Scalar(item)));
                }
            }

            return joined.ToString();
        }

        return Uri.EscapeDataString(ParameterValues.Scalar(value));
    }

    private static void AppendQuery(StringBuilder query, OperationParameter parameter, object value)
    {
        if (ParameterValues.Items(value) is { } items)
        {
            var separator = parameter.Style switch
            {
                ParameterStyle.SpaceDelimited => "%20",
                ParameterStyle.PipeDelimited => "|",
                _ => parameter.Explode ? null : ",",
            };
            var joined = separator == null ? null : new StringBuilder();
            foreach (var item in items)
            {
                if (item == null)
                {
                    continue;
                }

                if (joined == null)
                {
                    Pair(query, parameter.Name, ParameterValues.Scalar(item));
                }
                else
                {
                    joined.Append(joined.Length == 0 ? string.Empty : separator).Append(Uri.EscapeDataString(ParameterValues.Scalar(item)));
                }
            }

            if (joined is { Length: > 0 })
            {
                query.Append('&').Append(Uri.EscapeDataString(parameter.Name)).Append('=').Append(joined);
            }

            return;
        }

        if (ParameterValues.Members(value) is { } members)
        {
            foreach (var member in members)
            {
                if (member.Value == null)
                {
                    continue;
                }

                var name = parameter.Style == ParameterStyle.DeepObject ? parameter.Name + "[" + member.Key + "]" : member.Key;
                Pair(query, name, ParameterValues.Scalar(member.Value));
            }

            return;
        }

        Pair(query, parameter.Name, ParameterValues.Scalar(value));
    }

    private static void Pair(StringBuilder query, string name, string value) =>
        query.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
}
