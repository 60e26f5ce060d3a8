using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// Writes request bodies straight to UTF-8, guided by the very Newtonsoft contracts the request serializer uses: the
/// same members in the same order, the same "was this member set" and null rules, the same number and string text.
/// Newtonsoft's writing (a serializer walk, a text writer, converters re-entering the serializer, then UTF-16 to UTF-8)
/// was a quarter of a whole call. Anything this writer does not copy exactly (another converter or setting, a date, a
/// float, a null where Newtonsoft refuses one, a reference loop) makes it decline, and the body is written by
/// Newtonsoft, which then decides, or names the error. The writer never writes differently: it only declines.
/// </summary>
internal sealed class Utf8FastWriter
{
    // Deeper values (or a reference loop) go to Newtonsoft, which writes them or names the loop.
    private const int MaxDepth = 64;

    private readonly JsonSerializer _serializer;
    private readonly IContractResolver _resolver;
    private readonly ConcurrentDictionary<Type, FastWriteShape> _shapes = new();
    private readonly bool _copiesSettings;

    /// <summary>Creates the writer for <paramref name="serializer"/>, the Newtonsoft writing it copies.</summary>
    public Utf8FastWriter(JsonSerializer serializer)
    {
        _serializer = serializer;
        _resolver = serializer.ContractResolver;
        _copiesSettings = CopiesSettingsOf(serializer);
    }

    /// <summary>The UTF-8 JSON of <paramref name="body"/> as the serializer writes it, or null when the writer declines.</summary>
    public byte[]? TryWrite(object body)
    {
        if (!_copiesSettings)
        {
            return null;
        }

        using var text = new Utf8JsonText();
        try
        {
            return WriteValue(text, body, 0) ? text.ToArray() : null;
        }
        catch (Exception)
        {
            // A getter or union that throws: Newtonsoft writes the body again and reports (or handles) the error as it does.
            return null;
        }
    }

    // Settings other than the client's (the writer copies those alone) turn the writer off.
    private static bool CopiesSettingsOf(JsonSerializer serializer) =>
        serializer.ContractResolver is DefaultContractResolver { NamingStrategy: null } && serializer.Converters.Count == 0
        && serializer.Formatting == Formatting.None && serializer.StringEscapeHandling == StringEscapeHandling.Default
        && serializer.NullValueHandling == NullValueHandling.Include && serializer.DefaultValueHandling == DefaultValueHandling.Include
        && serializer.ReferenceLoopHandling == ReferenceLoopHandling.Error && serializer.PreserveReferencesHandling == PreserveReferencesHandling.None
        && serializer.TypeNameHandling == TypeNameHandling.None && serializer.FloatFormatHandling == FloatFormatHandling.String;

    private bool WriteValue(Utf8JsonText text, object? value, int depth)
    {
        if (value == null)
        {
            text.WriteNull();
            return true;
        }

        return WriteValue(text, value, ShapeOf(value.GetType()), depth);
    }

    private bool WriteValue(Utf8JsonText text, object value, FastWriteShape shape, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (shape.Kind)
        {
            case FastWriteKind.String:
                text.WriteString((string)value);
                return true;
            case FastWriteKind.Int32:
                text.WriteInteger((int)value);
                return true;
            case FastWriteKind.Int64:
                text.WriteInteger((long)value);
                return true;
            case FastWriteKind.Double:
                return text.TryWriteDouble((double)value);
            case FastWriteKind.Boolean:
                text.WriteBoolean((bool)value);
                return true;
            case FastWriteKind.Uri:
                text.WriteString(((Uri)value).OriginalString);
                return true;
            case FastWriteKind.Enum:
                text.WriteString(((ExtensibleEnum)value).Value);
                return true;
            case FastWriteKind.Object:
                return WriteObject(text, value, shape, depth);
            case FastWriteKind.List:
                return WriteItems(text, (IEnumerable)value, depth);
            case FastWriteKind.Dictionary:
                return value is IDictionary dictionary && WriteDictionary(text, dictionary, depth);
            case FastWriteKind.Union:
                var member = shape.Union!.MemberOf(value, out var isArray);
                return isArray ? WriteItems(text, (IEnumerable)member, depth + 1) : WriteValue(text, member, depth + 1);
            case FastWriteKind.Token:
                return WriteToken(text, (JToken)value, depth);
            default:
                return false;
        }
    }

    private bool WriteObject(Utf8JsonText text, object value, FastWriteShape objectShape, int depth)
    {
        text.WriteByte((byte)'{');
        var first = true;
        var members = objectShape.Members;
        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            if ((member.ShouldSerialize != null && !member.ShouldSerialize(value)) || (member.IsSpecified != null && !member.IsSpecified(value)))
            {
                continue;
            }

            var memberValue = member.Value.GetValue(value);
            if (memberValue == null)
            {
                if (member.SkipsNull)
                {
                    continue;
                }

                if (member.RequiresValue)
                {
                    return false;
                }
            }

            if (!first)
            {
                text.WriteByte((byte)',');
            }

            first = false;
            text.WriteRaw(member.Name);
            if (memberValue == null)
            {
                text.WriteNull();
                continue;
            }

            var type = memberValue.GetType();
            var shape = member.LastShape;
            if (shape?.Type != type)
            {
                member.LastShape = shape = ShapeOf(type);
            }

            if (!WriteValue(text, memberValue, shape, depth + 1))
            {
                return false;
            }
        }

        if (objectShape.ExtensionData?.Invoke(value) is { } extensionData)
        {
            foreach (var pair in extensionData)
            {
                if (!WriteEntry(text, pair.Key, pair.Value, ref first, depth))
                {
                    return false;
                }
            }
        }

        text.WriteByte((byte)'}');
        return true;
    }

    private bool WriteItems(Utf8JsonText text, IEnumerable items, int depth)
    {
        text.WriteByte((byte)'[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                text.WriteByte((byte)',');
            }

            first = false;
            if (!WriteValue(text, item, depth + 1))
            {
                return false;
            }
        }

        text.WriteByte((byte)']');
        return true;
    }

    private bool WriteDictionary(Utf8JsonText text, IDictionary dictionary, int depth)
    {
        text.WriteByte((byte)'{');
        var first = true;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (!WriteEntry(text, entry.Key, entry.Value, ref first, depth))
            {
                return false;
            }
        }

        text.WriteByte((byte)'}');
        return true;
    }

    // A dictionary entry or extension-data member; keys other than strings decline.
    private bool WriteEntry(Utf8JsonText text, object key, object? value, ref bool first, int depth)
    {
        if (key is not string name)
        {
            return false;
        }

        WriteName(text, name, ref first);
        return WriteValue(text, value, depth + 1);
    }

    private static void WriteName(Utf8JsonText text, string name, ref bool first)
    {
        if (!first)
        {
            text.WriteByte((byte)',');
        }

        first = false;
        text.WriteString(name);
        text.WriteByte((byte)':');
    }

    // As JToken.WriteTo writes it; values of other kinds than these (dates, raw text, big or decimal numbers…) decline.
    private bool WriteToken(Utf8JsonText text, JToken token, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (token)
        {
            case JObject json:
                text.WriteByte((byte)'{');
                var first = true;
                foreach (var property in json.Properties())
                {
                    WriteName(text, property.Name, ref first);
                    if (!WriteToken(text, property.Value, depth + 1))
                    {
                        return false;
                    }
                }

                text.WriteByte((byte)'}');
                return true;
            case JArray array:
                text.WriteByte((byte)'[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.WriteByte((byte)',');
                    }

                    if (!WriteToken(text, array[i], depth + 1))
                    {
                        return false;
                    }
                }

                text.WriteByte((byte)']');
                return true;
            case JValue { Type: JTokenType.Null }:
            case JValue { Type: JTokenType.String, Value: null }:
                text.WriteNull();
                return true;
            case JValue { Type: JTokenType.String, Value: string s }:
                text.WriteString(s);
                return true;
            case JValue { Type: JTokenType.Boolean, Value: bool b }:
                text.WriteBoolean(b);
                return true;
            case JValue { Type: JTokenType.Integer, Value: int i32 }:
                text.WriteInteger(i32);
                return true;
            case JValue { Type: JTokenType.Integer, Value: long i64 }:
                text.WriteInteger(i64);
                return true;
            case JValue { Type: JTokenType.Float, Value: double d }:
                return text.TryWriteDouble(d);
            default:
                return false;
        }
    }

    private FastWriteShape ShapeOf(Type type) =>
        _shapes.TryGetValue(type, out var shape) ? shape : _shapes.GetOrAdd(type, CreateShape(type));

    private FastWriteShape CreateShape(Type type)
    {
        try
        {
            var contract = _resolver.ResolveContract(type);
            // Error callbacks are left out: they only act where Newtonsoft fails, and wherever it would, this writer declines.
            if (contract.OnSerializingCallbacks.Count > 0 || contract.OnSerializedCallbacks.Count > 0 || contract.InternalConverter != null)
            {
                return Declined(type);
            }

            if (typeof(ExtensibleEnum).IsAssignableFrom(type))
            {
                return contract.Converter is ExtensibleEnumConverter ? new FastWriteShape(type, FastWriteKind.Enum) : Declined(type);
            }

            switch (contract.Converter)
            {
                case null:
                    break;
                case IUnionMembers union:
                    return new FastWriteShape(type, FastWriteKind.Union, union: union);
                case JsonInheritanceConverter inheritance when inheritance.WritesAsItIs(type, _serializer):
                    return ObjectShape(type, contract);
                default:
                    return Declined(type);
            }

            return contract switch
            {
                JsonPrimitiveContract => PrimitiveShape(type),
                JsonObjectContract => ObjectShape(type, contract),
                JsonArrayContract array when !array.IsMultidimensionalArray && IsPlainContainer(array) => new FastWriteShape(type, FastWriteKind.List),
                JsonDictionaryContract dictionary when typeof(IDictionary).IsAssignableFrom(type) && dictionary.DictionaryKeyType == typeof(string)
                    && IsPlainContainer(dictionary) => new FastWriteShape(type, FastWriteKind.Dictionary),
                JsonLinqContract when typeof(JToken).IsAssignableFrom(type) => new FastWriteShape(type, FastWriteKind.Token),
                _ => Declined(type),
            };
        }
        catch (JsonException)
        {
            // A contract or union map Newtonsoft cannot build: it names the problem when it writes the body.
            return Declined(type);
        }
    }

    private static FastWriteShape Declined(Type type) => new(type, FastWriteKind.Decline);

    private static FastWriteShape PrimitiveShape(Type type) =>
        type == typeof(string) ? new FastWriteShape(type, FastWriteKind.String)
        : type == typeof(int) ? new FastWriteShape(type, FastWriteKind.Int32)
        : type == typeof(long) ? new FastWriteShape(type, FastWriteKind.Int64)
        : type == typeof(double) ? new FastWriteShape(type, FastWriteKind.Double)
        : type == typeof(bool) ? new FastWriteShape(type, FastWriteKind.Boolean)
        : type == typeof(Uri) ? new FastWriteShape(type, FastWriteKind.Uri)
        : Declined(type);

    private static bool IsPlainContainer(JsonContainerContract contract) =>
        contract.IsReference == null && contract.ItemConverter == null && contract.ItemIsReference == null
        && contract.ItemTypeNameHandling == null && contract.ItemReferenceLoopHandling == null;

    private static FastWriteShape ObjectShape(Type type, JsonContract contract)
    {
        if (contract is not JsonObjectContract o || !IsPlainContainer(o) || o.ItemRequired != null)
        {
            return Declined(type);
        }

        var members = new List<FastWriteMember>();
        foreach (var property in o.Properties)
        {
            // Newtonsoft never writes these.
            if (property.Ignored || !property.Readable)
            {
                continue;
            }

            if (FastWriteMember.Create(property) is not { } member)
            {
                return Declined(type);
            }

            members.Add(member);
        }

        return new FastWriteShape(type, FastWriteKind.Object, members.ToArray(), o.ExtensionDataGetter);
    }
}
