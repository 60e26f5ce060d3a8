using System;
using System.Text.Json;

namespace OpenAI.Gen;

/// <summary>
/// The last value each member read within one stream. Every chunk of a stream repeats its id, model, fingerprint,
/// object type, created time and choice index; handing out the previous (immutable) string, open enum or boxed
/// number again when the JSON is the same saves decoding and boxing them per chunk. One instance per stream.
/// </summary>
internal sealed class RepeatedValues
{
    private object?[] _last = new object?[64];

    /// <summary>The stream's chunk type and its shape (null: read by Newtonsoft).</summary>
    public (Type Type, FastObjectShape? Shape)? Root { get; set; }

    /// <summary>The member's string: the previous one when the UTF-8 text is the same.</summary>
    public string String(ref Utf8JsonReader reader, FastMember member)
    {
        if (Last(member) is string last && !reader.ValueIsEscaped && !reader.HasValueSequence && AsciiEquals(reader.ValueSpan, last))
        {
            return last;
        }

        var value = reader.GetString()!;
        _last[member.Slot] = value;
        return value;
    }

    /// <summary>The member's open enum value: the previous one when the UTF-8 text is the same.</summary>
    public object Enum(ref Utf8JsonReader reader, FastMember member)
    {
        if (Last(member) is ExtensibleEnum last && !reader.ValueIsEscaped && !reader.HasValueSequence && AsciiEquals(reader.ValueSpan, last.Value))
        {
            return last;
        }

        var value = member.Parse!(reader.GetString()!);
        _last[member.Slot] = value;
        return value;
    }

    /// <summary>The boxed <paramref name="value"/>: the previous box when it holds the same value.</summary>
    public object Box<TValue>(TValue value, FastMember member)
        where TValue : struct, IEquatable<TValue>
    {
        // Bit for bit for doubles: -0.0 equals 0.0, yet is another value on the wire.
        if (Last(member) is TValue last && (value is double number && last is double previous
                ? BitConverter.DoubleToInt64Bits(number) == BitConverter.DoubleToInt64Bits(previous)
                : last.Equals(value)))
        {
            return _last[member.Slot]!;
        }

        object boxed = value;
        _last[member.Slot] = boxed;
        return boxed;
    }

    private object? Last(FastMember member)
    {
        if (member.Slot >= _last.Length)
        {
            Array.Resize(ref _last, Math.Max(member.Slot + 1, _last.Length * 2));
        }

        return _last[member.Slot];
    }

    // Equal when every byte is ASCII and matches its char; non-ASCII text is simply decoded again.
#if NET8_0_OR_GREATER
    private static bool AsciiEquals(ReadOnlySpan<byte> utf8, string text) => System.Text.Ascii.Equals(utf8, text);
#else
    private static bool AsciiEquals(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] >= 0x80 || utf8[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }
#endif
}
