using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// Reads and writes a tagged union (messages by <c>role</c>, content parts by <c>type</c>). A tag this client does not
/// know goes to the union's unknown variant with every member kept, so it is written back unchanged.
/// </summary>
internal sealed class JsonInheritanceConverter : JsonConverter
{
    /// <summary>The unknown variant's key in <see cref="JsonInheritanceAttribute"/>.</summary>
    public const string UnknownKey = "*";

    private static readonly ConcurrentDictionary<Type, UnionMap> Maps = new();

    // Set just before this converter re-enters the serializer for the same object, so that the serializer then
    // writes the object's members itself; the first CanWrite check (for that object only) consumes it.
    [ThreadStatic]
    private static bool _writingMembers;

    private readonly string _tag;

    /// <summary>Creates the converter for the tag property <paramref name="tag"/>.</summary>
    public JsonInheritanceConverter(string tag)
    {
        _tag = tag;
    }

    /// <inheritdoc />
    public override bool CanWrite
    {
        get
        {
            if (_writingMembers)
            {
                _writingMembers = false;
                return false;
            }

            return true;
        }
    }

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => true;

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var path = reader.Path;
        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException($"Expected a JSON object for {objectType.Name} at '{path}', got {reader.TokenType}.");
        }

        // Strings stay strings while the object is buffered, whatever the caller's settings: a date-like text in a
        // member must not come back in another format.
        var dateParseHandling = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        JObject json;
        try
        {
            json = JObject.Load(reader);
        }
        finally
        {
            reader.DateParseHandling = dateParseHandling;
        }

        var map = Maps.GetOrAdd(objectType, UnionMap.For);
        if (json[_tag] is not JValue { Type: JTokenType.String } tagToken)
        {
            throw new JsonSerializationException(
                $"Expected a string '{_tag}' at '{Join(path, _tag)}' to choose the {map.BaseType.Name} variant (one of: {string.Join(", ", map.Known.Keys)}).");
        }

        var tag = (string)tagToken!;
        Type target;
        if (!map.Known.TryGetValue(tag, out target!))
        {
            target = map.Unknown ?? throw new JsonSerializationException(
                $"Unknown {_tag} '{tag}' at '{Join(path, _tag)}' for {map.BaseType.Name} (known: {string.Join(", ", map.Known.Keys)}).");
        }
        else
        {
            json.Remove(_tag);
        }

        if (!objectType.IsAssignableFrom(target))
        {
            throw new JsonSerializationException($"The {_tag} '{tag}' at '{path}' is a {target.Name}, not a {objectType.Name}.");
        }

        // Created as the serializer's contract creates it: an answer read leniently starts with no member set, so a required
        // member it leaves out stays out when written back (LenientContractResolver).
        var value = serializer.ContractResolver.ResolveContract(target) is JsonObjectContract { DefaultCreator: { } create } ? create() : Activator.CreateInstance(target)!;

        // The buffered object is read with the path it has in the whole document, so errors in its members name it.
        // Errors propagate as they are: a new exception thrown here would not match the error Newtonsoft is tracking,
        // and it would report an InvalidOperationException instead.
        using var tokenReader = new JTokenReader(json, path);
        serializer.Populate(tokenReader, value);

        return value;
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var type = value.GetType();
        _writingMembers = true;
        try
        {
            if (WritesAsItIs(type, serializer, out var tag))
            {
                serializer.Serialize(writer, value);
                return;
            }

            var json = JObject.FromObject(value, serializer);
            json.Remove(_tag);
            json.AddFirst(new JProperty(_tag, tag));
            json.WriteTo(writer);
        }
        finally
        {
            _writingMembers = false;
        }
    }

    /// <summary>Whether a <paramref name="type"/> is written as it is (its members, the tag among them), as <see cref="Utf8FastWriter"/> writes objects.</summary>
    internal bool WritesAsItIs(Type type, JsonSerializer serializer) => WritesAsItIs(type, serializer, out _);

    // A known variant with its generated tag member (UnionTags.g.cs), and the unknown variant, whose tag is one of its
    // kept members, are written as they are; only a variant without a tag member needs the tag put in. Under the
    // client's own contracts that is decided once per type.
    private bool WritesAsItIs(Type type, JsonSerializer serializer, out string? tag)
    {
        var map = Maps.GetOrAdd(type, UnionMap.For);
        if (!map.TagOf.TryGetValue(type, out tag) || tag == UnknownKey)
        {
            return true;
        }

        return serializer.ContractResolver is OpenAIContractResolver
            ? map.WritesItsTag.TryGetValue(type, out var writes) ? writes : map.WritesItsTag.GetOrAdd(type, WritesTag(serializer, type))
            : WritesTag(serializer, type);
    }

    private bool WritesTag(JsonSerializer serializer, Type type) =>
        serializer.ContractResolver.ResolveContract(type) is JsonObjectContract contract
        && contract.Properties.GetProperty(_tag, StringComparison.Ordinal) is { Ignored: false, Readable: true };

    private static string Join(string path, string member) => string.IsNullOrEmpty(path) ? member : path + "." + member;

    private sealed class UnionMap
    {
        private UnionMap(Type baseType, IReadOnlyList<JsonInheritanceAttribute> variants)
        {
            BaseType = baseType;
            Known = variants.Where(v => v.Key != UnknownKey).ToDictionary(v => v.Key, v => v.Type, StringComparer.Ordinal);
            Unknown = variants.FirstOrDefault(v => v.Key == UnknownKey)?.Type;
            TagOf = variants.GroupBy(v => v.Type).ToDictionary(g => g.Key, g => g.First().Key);
        }

        public Type BaseType { get; }

        public Dictionary<string, Type> Known { get; }

        public Type? Unknown { get; }

        public Dictionary<Type, string> TagOf { get; }

        /// <summary>Per variant type, whether it writes its tag member itself (under the client's own contracts).</summary>
        public ConcurrentDictionary<Type, bool> WritesItsTag { get; } = new();

        public static UnionMap For(Type type)
        {
            for (var t = type; t != null; t = t.GetTypeInfo().BaseType)
            {
                var variants = t.GetTypeInfo().GetCustomAttributes<JsonInheritanceAttribute>(false).ToList();
                if (variants.Count > 0)
                {
                    return new UnionMap(t, variants);
                }
            }

            throw new JsonSerializationException($"{type.FullName} is not part of a tagged union (no [JsonInheritance] on it or its base types).");
        }
    }
}
