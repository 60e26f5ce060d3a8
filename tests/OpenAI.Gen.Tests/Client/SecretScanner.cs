using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// Collects every text an object shows: <c>ToString</c>, messages, exception data, inner exceptions, and the public
/// properties of the library's own types, recursively — except <see cref="OpenAIClientOptions.ApiKey"/>, which is where
/// the caller put the key.
/// </summary>
public static class SecretScanner
{
    /// <summary>All texts reachable from <paramref name="root"/>.</summary>
    public static List<string> Texts(object? root)
    {
        var texts = new List<string>();
        Collect(root, texts, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return texts;
    }

    private static void Collect(object? value, List<string> texts, HashSet<object> seen, int depth)
    {
        if (value == null || depth > 6 || value is MemberInfo || value is Type)
        {
            return;
        }

        if (value is string text)
        {
            texts.Add(text);
            return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        texts.Add(value.ToString() ?? string.Empty);
        switch (value)
        {
            case Exception exception:
                foreach (DictionaryEntry entry in exception.Data)
                {
                    Collect(entry.Key, texts, seen, depth + 1);
                    Collect(entry.Value, texts, seen, depth + 1);
                }

                Collect(exception.InnerException, texts, seen, depth + 1);
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Collect(entry.Key, texts, seen, depth + 1);
                    Collect(entry.Value, texts, seen, depth + 1);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Collect(item, texts, seen, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (type.Namespace?.StartsWith("OpenAI.Gen", StringComparison.Ordinal) != true && value is not Exception)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name is not ("TargetSite" or "HttpClient" or "LoggerFactory" or "ApiKey"))
            {
                Collect(property.GetValue(value), texts, seen, depth + 1);
            }
        }
    }
}
