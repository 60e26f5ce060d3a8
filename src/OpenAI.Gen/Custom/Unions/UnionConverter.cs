using System;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Reads and writes a generated union by its <see cref="UnionLayout{TUnion}"/>. The JSON token decides the member; an
/// array with several array members is decided by its first item (an empty array is the first array member); a JSON
/// integer with an integer and a number member is the integer one; an
/// object with several object members by the tag property, or else by the required members it has (the member needing
/// most wins). An object no member matches is kept as JSON; a token no member takes fails with its JSON path.
/// </summary>
internal class UnionConverter<TUnion> : JsonConverter, IUnionMembers
    where TUnion : class
{
    private readonly UnionLayout<TUnion> _layout;

    /// <summary>Creates the converter of the union <paramref name="layout"/> describes.</summary>
    protected UnionConverter(UnionLayout<TUnion> layout)
    {
        _layout = layout;
    }

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(TUnion);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        // Most unions take each token with one member: that one is read without looking further.
        var first = -1;
        var count = 0;
        for (var i = 0; i < _layout.Variants.Count; i++)
        {
            if (_layout.Variants[i].Shape.Accepts(reader.TokenType))
            {
                first = first < 0 ? i : first;
                count++;
            }
        }

        if (count == 0)
        {
            throw UnionJson.Mismatch(reader, _layout.Expected);
        }

        if (count == 1)
        {
            return Read(first, reader, serializer);
        }

        var candidates = Enumerable.Range(0, _layout.Variants.Count).Where(i => _layout.Variants[i].Shape.Accepts(reader.TokenType)).ToList();
        return reader.TokenType switch
        {
            JsonToken.StartArray => ReadArray(reader, serializer, candidates),
            JsonToken.StartObject => ReadObject(reader, serializer, candidates),
            // An integer and a number member: a JSON integer is the integer one (the member that takes no float).
            JsonToken.Integer => Read(candidates.Where(i => !_layout.Variants[i].Shape.Accepts(JsonToken.Float)).DefaultIfEmpty(first).First(), reader, serializer),
            _ => Read(first, reader, serializer),
        };
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not TUnion union)
        {
            writer.WriteNull();
            return;
        }

        var index = _layout.Index(union);
        var member = _layout.Value(union);
        if (index < 0)
        {
            ((JToken)member).WriteTo(writer);
        }
        else
        {
            _layout.Variants[index].Shape.WriteObject(writer, member, serializer);
        }
    }

    /// <inheritdoc />
    object IUnionMembers.MemberOf(object union, out bool isArray)
    {
        var index = _layout.Index((TUnion)union);
        isArray = index >= 0 && _layout.Variants[index].Shape.Item != null;
        return _layout.Value((TUnion)union);
    }

    private TUnion Read(int index, JsonReader reader, JsonSerializer serializer) =>
        _layout.Create(index, _layout.Variants[index].Shape.ReadObject(reader, serializer));

    private TUnion ReadArray(JsonReader reader, JsonSerializer serializer, System.Collections.Generic.List<int> candidates)
    {
        var dateParseHandling = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        try
        {
            UnionJson.NextItem(reader);
        }
        finally
        {
            reader.DateParseHandling = dateParseHandling;
        }

        var first = reader.TokenType;
        var index = first == JsonToken.EndArray
            ? candidates[0]
            : candidates.Where(i => _layout.Variants[i].Shape.Item!.Accepts(first)).DefaultIfEmpty(-1).First();
        if (index < 0)
        {
            var items = string.Join(", ", candidates.Select(i => _layout.Variants[i].Shape.Item!.Description).Distinct());
            throw UnionJson.Mismatch(reader, "one of (" + items + ") as an item of '" + _layout.Member + "'");
        }

        return _layout.Create(index, _layout.Variants[index].Shape.ReadFromFirstItem(reader, serializer));
    }

    private TUnion ReadObject(JsonReader reader, JsonSerializer serializer, System.Collections.Generic.List<int> candidates)
    {
        var path = reader.Path;
        var json = JObject.Load(reader);
        var index = _layout.TagProperty is { } tag
            ? candidates.Where(i => json[tag] is JValue { Type: JTokenType.String } value && (string?)value == _layout.Variants[i].TagValue).DefaultIfEmpty(-1).First()
            : candidates.Where(i => _layout.Variants[i].Required.All(json.ContainsKey))
                .OrderByDescending(i => _layout.Variants[i].Required.Count).DefaultIfEmpty(-1).First();
        if (index < 0)
        {
            return _layout.Create(-1, json);
        }

        try
        {
            using var member = json.CreateReader();
            member.Read();
            return Read(index, member, serializer);
        }
        catch (JsonException e)
        {
            throw new JsonSerializationException($"{e.Message} (in {_layout.Variants[index].Shape.Description} at '{path}')", e);
        }
    }
}
