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
    public static UnionShape<string> String { get; } = new StringShape();

    /// <summary>A JSON integer that fits an <see cref="int"/> (token IDs do).</summary>
    public static UnionShape<int> Int32 { get; } = new Int32Shape();

    /// <summary>A JSON integer, as a <see cref="long"/>.</summary>
    public static UnionShape<long> Int64 { get; } = new Int64Shape();

    /// <summary>A JSON number, as a <see cref="double"/>.</summary>
    public static UnionShape<double> Double { get; } = new DoubleShape();

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    public static UnionShape<bool> Boolean { get; } = new BooleanShape();

    /// <summary>A value of a generated type (an object, or an open enum's string), read and written by the serializer.</summary>
    /// <param name="token">The token the value starts with.</param>
    /// <param name="description">What it is, for errors (e.g. "a ChatCompletionNamedToolChoice object").</param>
    public static UnionShape<T> Serialized<T>(JsonToken token, string description)
        where T : notnull => new SerializedShape<T>(token, description);

    /// <summary>A JSON array whose every item has the shape <paramref name="item"/>.</summary>
    public static UnionShape<IReadOnlyList<T>> Array<T>(UnionShape<T> item)
        where T : notnull => new ArrayShape<T>(item);

    private sealed class StringShape : UnionShape<string>
    {
        public override string Description => "a string";

        public override string Plural => "strings";

        public override bool Accepts(JsonToken token) => token == JsonToken.String;

        public override string Read(JsonReader reader, JsonSerializer serializer) => UnionJson.ReadString(reader, Description);

        public override void Write(JsonWriter writer, string value, JsonSerializer serializer) => writer.WriteValue(value);
    }

    private sealed class Int32Shape : UnionShape<int>
    {
        public override string Description => "an integer";

        public override string Plural => "integers";

        public override bool Accepts(JsonToken token) => token == JsonToken.Integer;

        public override int Read(JsonReader reader, JsonSerializer serializer) => UnionJson.ReadInt32(reader, Description);

        public override void Write(JsonWriter writer, int value, JsonSerializer serializer) => writer.WriteValue(value);
    }

    private sealed class Int64Shape : UnionShape<long>
    {
        public override string Description => "an integer";

        public override string Plural => "integers";

        public override bool Accepts(JsonToken token) => token == JsonToken.Integer;

        public override long Read(JsonReader reader, JsonSerializer serializer) =>
            reader.TokenType == JsonToken.Integer && reader.Value is long or int
                ? Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture)
                : throw UnionJson.Mismatch(reader, Description);

        public override void Write(JsonWriter writer, long value, JsonSerializer serializer) => writer.WriteValue(value);
    }

    private sealed class DoubleShape : UnionShape<double>
    {
        public override string Description => "a number";

        public override string Plural => "numbers";

        public override bool Accepts(JsonToken token) => token is JsonToken.Integer or JsonToken.Float;

        public override double Read(JsonReader reader, JsonSerializer serializer) =>
            Accepts(reader.TokenType) && reader.Value is IConvertible number
                ? number.ToDouble(CultureInfo.InvariantCulture)
                : throw UnionJson.Mismatch(reader, Description);

        public override void Write(JsonWriter writer, double value, JsonSerializer serializer) => writer.WriteValue(value);
    }

    private sealed class BooleanShape : UnionShape<bool>
    {
        public override string Description => "true or false";

        public override string Plural => "booleans";

        public override bool Accepts(JsonToken token) => token == JsonToken.Boolean;

        public override bool Read(JsonReader reader, JsonSerializer serializer) =>
            reader.TokenType == JsonToken.Boolean ? (bool)reader.Value! : throw UnionJson.Mismatch(reader, Description);

        public override void Write(JsonWriter writer, bool value, JsonSerializer serializer) => writer.WriteValue(value);
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
