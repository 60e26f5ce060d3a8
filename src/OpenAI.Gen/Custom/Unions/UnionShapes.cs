using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>The shapes generated unions are built from (see <see cref="UnionShape"/>).</summary>
internal static class UnionShapes
{
    /// <summary>A JSON string, as a <see cref="string"/>.</summary>
    public static UnionShape<string> String { get; } = new PrimitiveShape<string>(
        "a string", "strings", t => t == JsonToken.String, (r, what) => UnionJson.ReadString(r, what), (w, v) => w.WriteValue(v));

    /// <summary>A JSON integer that fits an <see cref="int"/> (token IDs do).</summary>
    public static UnionShape<int> Int32 { get; } = new PrimitiveShape<int>(
        "an integer", "integers", t => t == JsonToken.Integer, (r, what) => UnionJson.ReadInt32(r, what), (w, v) => w.WriteValue(v));

    /// <summary>A JSON integer, as a <see cref="long"/>.</summary>
    public static UnionShape<long> Int64 { get; } = new PrimitiveShape<long>(
        "an integer", "integers", t => t == JsonToken.Integer,
        (r, what) => r.TokenType == JsonToken.Integer && r.Value is long or int ? Convert.ToInt64(r.Value, CultureInfo.InvariantCulture) : throw UnionJson.Mismatch(r, what),
        (w, v) => w.WriteValue(v));

    /// <summary>A JSON number, as a <see cref="double"/>.</summary>
    public static UnionShape<double> Double { get; } = new PrimitiveShape<double>(
        "a number", "numbers", t => t is JsonToken.Integer or JsonToken.Float,
        (r, what) => r.TokenType is JsonToken.Integer or JsonToken.Float && r.Value is IConvertible number ? number.ToDouble(CultureInfo.InvariantCulture) : throw UnionJson.Mismatch(r, what),
        (w, v) => w.WriteValue(v));

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    public static UnionShape<bool> Boolean { get; } = new PrimitiveShape<bool>(
        "true or false", "booleans", t => t == JsonToken.Boolean, (r, what) => r.TokenType == JsonToken.Boolean ? (bool)r.Value! : throw UnionJson.Mismatch(r, what), (w, v) => w.WriteValue(v));

    /// <summary>A value of a generated type (an object, or an open enum's string), read and written by the serializer.</summary>
    /// <param name="token">The token the value starts with.</param>
    /// <param name="description">What it is, for errors (e.g. "a ChatCompletionNamedToolChoice object").</param>
    public static UnionShape<T> Serialized<T>(JsonToken token, string description)
        where T : notnull => new SerializedShape<T>(token, description);

    /// <summary>A JSON array whose every item has the shape <paramref name="item"/>.</summary>
    public static UnionShape<IReadOnlyList<T>> Array<T>(UnionShape<T> item)
        where T : notnull => new ArrayShape<T>(item);

    // A JSON primitive read and written as it stands; the description is what an error says was expected.
    private sealed class PrimitiveShape<T> : UnionShape<T>
        where T : notnull
    {
        private readonly Func<JsonToken, bool> _accepts;
        private readonly Func<JsonReader, string, T> _read;
        private readonly Action<JsonWriter, T> _write;

        public PrimitiveShape(string description, string plural, Func<JsonToken, bool> accepts, Func<JsonReader, string, T> read, Action<JsonWriter, T> write)
        {
            Description = description;
            Plural = plural;
            _accepts = accepts;
            _read = read;
            _write = write;
        }

        public override string Description { get; }

        public override string Plural { get; }

        public override bool Accepts(JsonToken token) => _accepts(token);

        public override T Read(JsonReader reader, JsonSerializer serializer) => _read(reader, Description);

        public override void Write(JsonWriter writer, T value, JsonSerializer serializer) => _write(writer, value);
    }

    private sealed class SerializedShape<T> : UnionShape<T>
        where T : notnull
    {
        private readonly JsonToken _token;

        public SerializedShape(JsonToken token, string description)
        {
            _token = token;
            Description = description;
            Plural = description.StartsWith("an ", StringComparison.Ordinal) ? description.Substring(3) + "s"
                : description.StartsWith("a ", StringComparison.Ordinal) ? description.Substring(2) + "s"
                : description;
        }

        public override string Description { get; }

        public override string Plural { get; }

        public override bool Accepts(JsonToken token) => token == _token;

        public override T Read(JsonReader reader, JsonSerializer serializer) =>
            reader.TokenType == _token ? serializer.Deserialize<T>(reader) ?? throw UnionJson.Mismatch(reader, Description) : throw UnionJson.Mismatch(reader, Description);

        public override void Write(JsonWriter writer, T value, JsonSerializer serializer) => serializer.Serialize(writer, value, typeof(T));
    }

    private sealed class ArrayShape<T> : UnionShape<IReadOnlyList<T>>
        where T : notnull
    {
        private readonly UnionShape<T> _item;

        public ArrayShape(UnionShape<T> item)
        {
            _item = item;
        }

        public override string Description => "an array of " + _item.Plural;

        public override string Plural => "arrays of " + _item.Plural;

        public override bool Accepts(JsonToken token) => token == JsonToken.StartArray;

        public override IReadOnlyList<T> Read(JsonReader reader, JsonSerializer serializer)
        {
            if (reader.TokenType != JsonToken.StartArray)
            {
                throw UnionJson.Mismatch(reader, Description);
            }

            var items = UnionJson.ReadArray(reader, item => _item.Read(item, serializer));
            return new ReadOnlyCollection<T>(items);
        }

        public override UnionShape Item => _item;

        public override object ReadFromFirstItem(JsonReader reader, JsonSerializer serializer)
        {
            var items = new List<T>();
            UnionJson.ReadItemsFromCurrent(reader, item => items.Add(_item.Read(item, serializer)));
            return new ReadOnlyCollection<T>(items);
        }

        public override void Write(JsonWriter writer, IReadOnlyList<T> value, JsonSerializer serializer)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                _item.Write(writer, item, serializer);
            }

            writer.WriteEndArray();
        }
    }
}
