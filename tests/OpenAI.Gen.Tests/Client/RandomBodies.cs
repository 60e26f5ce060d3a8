using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// Builds random DTOs of the generated types from a seed, as a user would through the public API: each member set or
/// left unset, set to null or to a value; strings with escapes, control characters, non-ASCII and lone surrogates;
/// doubles of every shape (integral, tiny, huge, negative zero, NaN); union members of every kind; tagged-union variants;
/// extension data of every JSON kind (and, rarely, kinds the fast writer leaves to Newtonsoft: dates, decimals, raw JSON).
/// </summary>
public sealed class RandomBodies
{
    private static readonly string[] Strings =
    {
        string.Empty, "Hello!", "gpt-4o", "héllo wörld", "日本語のテキスト", "emoji 😀 and 👍🏽", "\"quoted\" and \\ back\\slash", "\t\n\r\f\b",
        "\u0000\u0001\u001f\u007f", "line\u2028sep\u2029para\u0085next", "lone \ud800 high", "lone \udc00 low", "end \ud83d", "<b>&amp;'x'</b>",
        "\u00a0nbsp", "/slash/", "{\"json\":[1,2]}", "2024-01-02T03:04:05Z", "12345",
    };

    private static readonly double[] Doubles =
    {
        0.0, -0.0, 1.0, 0.7, 0.1 + 0.2, 1e20, 1e21, 1.7976931348623157e308, 5e-324, -123.456, 1 / 3.0, 100.0, 2.5e-7, 1e-5, 123456789.0,
        double.NaN, double.PositiveInfinity,
    };

    private static readonly long[] Longs = { 0, 1, -1, 7, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1727000000 };

    private static readonly Type[] Concrete = typeof(OpenAIClient).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) != null && t.Namespace == "OpenAI.Gen")
        .ToArray();

    private readonly Random _random;

    /// <summary>A generator whose every choice follows from <paramref name="seed"/>.</summary>
    public RandomBodies(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>The generated DTO types that have JSON members (requests, answers, and everything in them).</summary>
    public static IReadOnlyList<Type> DtoTypes { get; } = Concrete
        .Where(t => t.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyAttribute>() != null))
        .ToArray();

    /// <summary>A random <paramref name="type"/> with members set at random (each set with probability <paramref name="fill"/>).</summary>
    public object Create(Type type, double fill, int depth = 0)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetCustomAttribute<JsonPropertyAttribute>() != null))
        {
            if (_random.NextDouble() < fill)
            {
                property.SetValue(value, _random.Next(12) == 0 ? null : Value(property.PropertyType, fill, depth + 1));
            }
        }

        if (type.GetProperty("AdditionalProperties") is { } extra && _random.Next(3) == 0)
        {
            var extension = (IDictionary<string, object>)extra.GetValue(value)!;
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                extension["x_" + Pick(Strings)] = Unknown(depth + 1)!;
            }
        }

        return value;
    }

    private object? Value(Type type, double fill, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return Pick(Strings);
        }

        if (underlying == typeof(int))
        {
            return (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, Pick(Longs)));
        }

        if (underlying == typeof(long))
        {
            return Pick(Longs);
        }

        if (underlying == typeof(double))
        {
            // NaN and infinities rarely: they go to Newtonsoft, the rest is the fast path's.
            return _random.Next(20) == 0 ? Pick(Doubles) : Doubles[_random.Next(Doubles.Length - 2)];
        }

        if (underlying == typeof(bool))
        {
            return _random.Next(2) == 0;
        }

        if (underlying == typeof(byte))
        {
            // Items of a binary member (format: binary is byte[], written as base64).
            return (byte)_random.Next(256);
        }

        if (underlying == typeof(Uri))
        {
            return new Uri(Pick(new[] { "https://example.com/a b.png", "data:image/png;base64,iVBORw0KGgo=", "HTTPS://Example.COM:443/%7Efoo", "https://例え.jp/パス" }));
        }

        if (typeof(ExtensibleEnum).IsAssignableFrom(underlying))
        {
            var known = underlying.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == underlying).ToArray();
            return known.Length > 0 && _random.Next(4) > 0
                ? known[_random.Next(known.Length)].GetValue(null)
                : underlying.GetMethod("Parse", new[] { typeof(string) })!.Invoke(null, new object[] { Pick(Strings) });
        }

        if (underlying == typeof(byte[]))
        {
            // A string of format byte (base64 in JSON, e.g. audio data in a wider cut's DTOs).
            var bytes = new byte[_random.Next(8)];
            _random.NextBytes(bytes);
            return bytes;
        }

        if (underlying.IsArray)
        {
            var items = (System.Collections.IList)Value(typeof(List<>).MakeGenericType(underlying.GetElementType()!), fill, depth)!;
            var array = Array.CreateInstance(underlying.GetElementType()!, items.Count);
            items.CopyTo(array, 0);
            return array;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is { } generic)
        {
            var arguments = underlying.GetGenericArguments();
            if (generic == typeof(IList<>) || generic == typeof(List<>) || generic == typeof(IReadOnlyList<>) || generic == typeof(ICollection<>) || generic == typeof(IEnumerable<>))
            {
                var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
                for (var i = depth > 4 ? 0 : _random.Next(4); i > 0; i--)
                {
                    list.Add(Value(arguments[0], fill, depth + 1));
                }

                return list;
            }

            if (generic == typeof(IDictionary<,>) || generic == typeof(Dictionary<,>) || generic == typeof(IReadOnlyDictionary<,>))
            {
                var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                for (var i = depth > 4 ? 0 : _random.Next(4); i > 0; i--)
                {
                    dictionary[Pick(Strings) + i] = arguments[1] == typeof(object) ? Unknown(depth + 1) : Value(arguments[1], fill, depth + 1);
                }

                return dictionary;
            }
        }

        // A generated union: one of its FromX members with a value of that member's type.
        var members = underlying.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("From", StringComparison.Ordinal) && m.ReturnType == underlying && m.GetParameters().Length == 1).ToArray();
        if (members.Length > 0)
        {
            var member = members[_random.Next(members.Length)];
            return member.Invoke(null, new[] { Value(member.GetParameters()[0].ParameterType, fill, depth + 1) ?? Pick(Strings) });
        }

        if (underlying.IsAbstract)
        {
            var variants = Concrete.Where(underlying.IsAssignableFrom).ToArray();
            return variants.Length == 0 ? null : Create(variants[_random.Next(variants.Length)], fill, depth);
        }

        return underlying.GetConstructor(Type.EmptyTypes) != null && depth < 8 ? Create(underlying, fill, depth) : null;
    }

    // An extension-data value: what reading unknown members keeps (CLR primitives, JObject, JArray), and rarely others.
    private object? Unknown(int depth)
    {
        switch (_random.Next(depth > 4 ? 6 : 12))
        {
            case 0:
                return null;
            case 1:
                return Pick(Strings);
            case 2:
                return Pick(Longs);
            case 3:
                return Doubles[_random.Next(Doubles.Length - 2)];
            case 4:
                return _random.Next(2) == 0;
            case 5:
                return new JValue(Pick(Strings));
            case 6:
                return new JObject(new JProperty(Pick(Strings), Pick(Strings)), new JProperty("n", Pick(Longs)), new JProperty("d", Doubles[_random.Next(Doubles.Length - 2)]), new JProperty("z", JValue.CreateNull()));
            case 7:
                return new JArray(1, 2.5, "three", true, JValue.CreateNull(), new JObject(new JProperty("deep", new JArray(new JArray()))));
            case 8:
                return new Dictionary<string, object?> { [Pick(Strings)] = Unknown(depth + 1), ["list"] = new List<object?> { 1L, "a", null } };
            case 9:
                return _random.Next(4) switch
                {
                    0 => new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                    1 => 1.5m,
                    2 => new JRaw("{\"raw\" : 1}"),
                    _ => new JValue(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))),
                };
            case 10:
                return 2.5f;
            default:
                return JToken.Parse("{\"nested\":{\"a\":[1,{\"b\":\"c\\u2028\"}],\"e\":1e400}}");
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
