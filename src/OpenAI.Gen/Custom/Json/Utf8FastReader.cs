using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;

namespace OpenAI.Gen;

/// <summary>
/// Reads DTOs straight from UTF-8 JSON with <see cref="Utf8JsonReader"/>, guided by the very Newtonsoft contracts a
/// serializer uses, and sets them through the same property setters: parsing is nearly all the cost of reading an
/// answer or a stream chunk, and Newtonsoft's char-based reading is the slow part of it. Anything this fast path does
/// not copy exactly (a converter, a required member, a type mismatch, invalid or unusual JSON) makes it give
/// up, and the caller reads the JSON again with the Newtonsoft serializer, which then decides, or names the error.
/// The fast path never decides differently: it only declines. Nothing here lists a schema's members, so whatever a
/// regenerated spec adds is read too.
/// </summary>
internal sealed class Utf8FastReader
{
    private readonly JsonSerializer _serializer;
    private readonly FastShapeCache _shapes;
    private readonly JsonReaderOptions _readerOptions;

    /// <summary>Creates the reader for <paramref name="serializer"/>, the Newtonsoft reading it copies (and hands raw members to).</summary>
    public Utf8FastReader(JsonSerializer serializer, FastShapeCache shapes, int maxDepth)
    {
        _serializer = serializer;
        _shapes = shapes;
        _readerOptions = new JsonReaderOptions { MaxDepth = maxDepth };
    }

    /// <summary>Reads <paramref name="json"/> as <typeparamref name="T"/> on the fast path; false when it declines.</summary>
    /// <param name="json">One UTF-8 JSON value, nothing after it but white space.</param>
    /// <param name="repeats">A stream's last values, reused where this value repeats them; null outside a stream.</param>
    /// <param name="value">The value read.</param>
    public bool TryRead<T>(ReadOnlySpan<byte> json, RepeatedValues? repeats, out T? value)
        where T : class
    {
        var read = TryRead(json, typeof(T), repeats, out var result);
        value = result as T;
        return read;
    }

    /// <summary>Reads <paramref name="json"/> as a <paramref name="type"/> on the fast path; false when it declines.</summary>
    public bool TryRead(ReadOnlySpan<byte> json, Type type, RepeatedValues? repeats, out object? value)
    {
        value = null;
        if (ShapeOf(type, repeats) is not { } shape)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json, _readerOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || ReadObject(ref reader, json, shape, repeats) is not { } result
                || !type.IsInstanceOfType(result) || reader.Read())
            {
                return false;
            }

            value = result;
            return true;
        }
        catch (Exception)
        {
            // Invalid JSON or UTF-8, or a value Newtonsoft refused inside a raw member: Newtonsoft reads the whole
            // value again, and names the error if there is one.
            return false;
        }
    }

    // The shape of a stream's chunk type is looked up once per stream.
    private FastObjectShape? ShapeOf(Type type, RepeatedValues? repeats)
    {
        if (repeats?.Root is { } root && root.Type == type)
        {
            return root.Shape;
        }

        var shape = type.IsValueType ? null : _shapes.For(type);
        if (repeats != null)
        {
            repeats.Root = (type, shape);
        }

        return shape;
    }

    // Leaves the reader on the object's EndObject; null when declining.
    private object? ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, FastObjectShape shape, RepeatedValues? repeats)
    {
        var target = shape.CreateInstance();
        ulong seen = 0;
        var previous = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return null;
            }

            var index = shape.IndexOf(reader.ValueSpan, previous);
            if (index < 0)
            {
                var name = reader.GetString()!;
                if (shape.IsSpecial(name) || !reader.Read() || !ReadUnknown(ref reader, json, out var unknown))
                {
                    return null;
                }

                shape.ExtensionDataSetter?.Invoke(target, name, unknown);
                continue;
            }

            var bit = 1UL << index;
            if ((seen & bit) != 0 || !reader.Read())
            {
                return null;
            }

            previous = index;

            seen |= bit;
            var member = shape.Members[index];
            if (member.Kind == FastMemberKind.Ignored)
            {
                // Newtonsoft keeps a member named like an ignored property as extension data, as any unknown member.
                if (!ReadUnknown(ref reader, json, out var kept))
                {
                    return null;
                }

                shape.ExtensionDataSetter?.Invoke(target, member.Property.PropertyName!, kept);
                continue;
            }

            if (member.SkipsNull && reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (!ReadValue(ref reader, json, member, repeats, out var value))
            {
                return null;
            }

            member.Property.ValueProvider!.SetValue(target, value);
        }

        return reader.TokenType == JsonTokenType.EndObject ? target : null;
    }

    private bool ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, FastMember member, RepeatedValues? repeats, out object? value)
    {
        value = null;
        if (member.Kind == FastMemberKind.Raw)
        {
            return ReadRaw(ref reader, json, member.ValueType!, out value);
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            // Null where Newtonsoft would refuse it never gets here (FastMember.Create): the member is set to null.
            return true;
        }

        if (!member.IsList)
        {
            return ReadScalar(ref reader, json, member, repeats, out value);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = member.CreateList!();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && AddedNumber(list, ref reader))
            {
                continue;
            }

            if (reader.TokenType == JsonTokenType.Null || !ReadScalar(ref reader, json, member, repeats, out var item))
            {
                return false;
            }

            list.Add(item);
        }

        value = list;
        return true;
    }

    // Lists of numbers (logprobs' bytes, token_logprobs) are filled without a box per item; false leaves the item to ReadScalar.
    private static bool AddedNumber(IList list, ref Utf8JsonReader reader)
    {
        switch (list)
        {
            case List<int?> ints when reader.TryGetInt32(out var i):
                ints.Add(i);
                return true;
            case List<int> ints when reader.TryGetInt32(out var i):
                ints.Add(i);
                return true;
            case List<double?> doubles when reader.TryGetDouble(out var d):
                doubles.Add(d);
                return true;
            case List<double> doubles when reader.TryGetDouble(out var d):
                doubles.Add(d);
                return true;
            default:
                return false;
        }
    }

    // One value of the member's kind (for a list: one item), on a token that is not null.
    private bool ReadScalar(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, FastMember member, RepeatedValues? repeats, out object? value)
    {
        value = null;
        switch (member.Kind)
        {
            case FastMemberKind.String when reader.TokenType == JsonTokenType.String:
                value = repeats == null ? reader.GetString() : repeats.String(ref reader, member);
                return true;
            case FastMemberKind.Enum when reader.TokenType == JsonTokenType.String:
                value = repeats == null ? member.Parse!(reader.GetString()!) : repeats.Enum(ref reader, member);
                return true;
            case FastMemberKind.Int32 when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var i):
                value = repeats == null ? i : repeats.Box(i, member);
                return true;
            case FastMemberKind.Int64 when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var l):
                value = repeats == null ? l : repeats.Box(l, member);
                return true;
            case FastMemberKind.Double when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d):
                value = repeats == null ? d : repeats.Box(d, member);
                return true;
            case FastMemberKind.Boolean when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                value = repeats == null ? reader.GetBoolean() : repeats.Box(reader.GetBoolean(), member);
                return true;
            case FastMemberKind.Object when reader.TokenType == JsonTokenType.StartObject:
                if ((member.ObjectShape ??= new StrongBox<FastObjectShape?>(_shapes.For(member.ValueType!))).Value is { } shape)
                {
                    value = ReadObject(ref reader, json, shape, repeats);
                    return value != null;
                }

                return ReadRaw(ref reader, json, member.ValueType!, out value);
            default:
                return false;
        }
    }

    // A member the type does not name, stored as Newtonsoft stores extension data: CLR primitives, JObject/JArray otherwise.
    private bool ReadUnknown(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out object? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.GetBoolean();
                return true;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when IsInteger(reader.ValueSpan):
                value = reader.TryGetInt64(out var l) ? l : null;
                return value != null;
            case JsonTokenType.Number:
                value = reader.TryGetDouble(out var d) ? d : null;
                return value != null;
            default:
                return ReadRaw(ref reader, json, typeof(object), out value);
        }
    }

    private static bool IsInteger(ReadOnlySpan<byte> number) =>
        number.IndexOf((byte)'.') < 0 && number.IndexOf((byte)'e') < 0 && number.IndexOf((byte)'E') < 0;

    // Hands the value's JSON text to Newtonsoft: what it makes of it (converters, unions, dictionaries) is what the chunk gets.
    private bool ReadRaw(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Type type, out object? value)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var raw = json.Slice(start, (int)reader.BytesConsumed - start);
#if NETSTANDARD2_0
        var text = Encoding.UTF8.GetString(raw.ToArray());
#else
        var text = Encoding.UTF8.GetString(raw);
#endif
        using var textReader = new JsonTextReader(new StringReader(text));
        value = _serializer.Deserialize(textReader, type);
        return true;
    }
}
