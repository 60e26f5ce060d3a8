using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>
/// The converter every generated union uses, on a union of the shape the spec tool writes for several object members
/// (the committed spec has none): objects told apart by their tag or required members, unknown ones kept as JSON.
/// </summary>
public class UnionConverterTests
{
    [TestCase("\"auto\"", 0)]
    [TestCase("{\"type\":\"text\",\"text\":\"hi\"}", 1)]
    [TestCase("{\"type\":\"grammar\",\"grammar\":\"g\"}", 2)]
    public void Each_member_round_trips_in_its_wire_shape(string json, int member)
    {
        var union = WireJson.Read<TaggedChoice>(json);
        Assert.Multiple(() =>
        {
            Assert.That(union.Index, Is.EqualTo(member));
            Assert.That(WireJson.Write(union), Is.EqualTo(json));
        });
    }

    [TestCase("{\"type\":\"video\",\"fps\":[24,30]}")]
    [TestCase("{\"kind\":\"no type at all\"}")]
    public void An_object_no_member_matches_is_kept_as_json(string json)
    {
        var union = WireJson.Read<TaggedChoice>(json);
        Assert.Multiple(() =>
        {
            Assert.That(union.Index, Is.EqualTo(-1));
            Assert.That(union.Value, Is.InstanceOf<JObject>());
            Assert.That(WireJson.Write(union), Is.EqualTo(json));
        });
    }

    [TestCase("{\"name\":\"n\"}", 0)]
    [TestCase("{\"id\":7,\"extra\":true}", 1)]
    [TestCase("{\"id\":7,\"name\":\"both\"}", 0)]
    [TestCase("{\"other\":1}", -1)]
    public void Without_a_tag_the_required_members_decide(string json, int member)
    {
        var union = WireJson.Read<RequiredChoice>(json);
        Assert.That(union.Index, Is.EqualTo(member));
    }

    [Test]
    public void Bad_shapes_fail_with_the_json_path()
    {
        var wrongItem = Assert.Throws<JsonSerializationException>(() => WireJson.Read<Holder>("{\"x\":[\"a\",{\"type\":\"text\"},3]}"));
        Assert.That(wrongItem!.Message, Does.Contain("'x[2]'").And.Contain("a string, a Text object or a Grammar object for 'choice'").And.Contain("the number 3"));

        var wrongToken = Assert.Throws<JsonSerializationException>(() => WireJson.Read<Holder>("{\"y\":true}"));
        Assert.That(wrongToken!.Message, Does.Contain("'y'").And.Contain("a string, a Text object or a Grammar object for 'choice'").And.Contain("true"));

        var wrongInside = Assert.Throws<JsonSerializationException>(() => WireJson.Read<Holder>("{\"y\":{\"type\":\"text\",\"text\":[1]}}"));
        Assert.That(wrongInside!.Message, Does.Contain("in a Text object at 'y'"));
    }

    [TestCase("3", 1)]
    [TestCase("2.5", 0)]
    [TestCase("-7", 1)]
    public void A_json_integer_is_the_integer_member_whatever_the_order(string json, int member)
    {
        var union = WireJson.Read<NumberChoice>(json);
        Assert.Multiple(() =>
        {
            Assert.That(union.Index, Is.EqualTo(member));
            Assert.That(WireJson.Write(union), Is.EqualTo(json));
        });
    }

    public sealed class Text
    {
        [JsonProperty("type")]
        public string Type { get; set; } = "text";

        [JsonProperty("text")]
        public string TextValue { get; set; } = string.Empty;
    }

    public sealed class Grammar
    {
        [JsonProperty("type")]
        public string Type { get; set; } = "grammar";

        [JsonProperty("grammar")]
        public string Definition { get; set; } = string.Empty;
    }

    public sealed class Holder
    {
        [JsonProperty("x")]
        public List<TaggedChoice>? X { get; set; }

        [JsonProperty("y")]
        public TaggedChoice? Y { get; set; }
    }

    // As UnionCodeWriter writes a union of a string and two objects tagged by "type".
    [JsonConverter(typeof(TaggedChoiceConverter))]
    public sealed class TaggedChoice
    {
        internal static readonly UnionLayout<TaggedChoice> Layout = new(
            "choice",
            "type",
            (index, value) => new TaggedChoice(index, value),
            union => union.Index,
            union => union.Value,
            new UnionVariant(UnionShapes.String),
            new UnionVariant(UnionShapes.Serialized<Text>(JsonToken.StartObject, "a Text object"), "text", System.Array.Empty<string>()),
            new UnionVariant(UnionShapes.Serialized<Grammar>(JsonToken.StartObject, "a Grammar object"), "grammar", System.Array.Empty<string>()));

        private TaggedChoice(int index, object value)
        {
            Index = index;
            Value = value;
        }

        public int Index { get; }

        public object Value { get; }
    }

    // As UnionCodeWriter writes a union of two objects that only their required members tell apart.
    [JsonConverter(typeof(RequiredChoiceConverter))]
    public sealed class RequiredChoice
    {
        internal static readonly UnionLayout<RequiredChoice> Layout = new(
            "ref",
            null,
            (index, value) => new RequiredChoice(index),
            union => union.Index,
            union => new JObject(),
            new UnionVariant(UnionShapes.Serialized<JObject>(JsonToken.StartObject, "a by-name object"), null, new[] { "name" }),
            new UnionVariant(UnionShapes.Serialized<JObject>(JsonToken.StartObject, "a by-id object"), null, new[] { "id" }));

        private RequiredChoice(int index)
        {
            Index = index;
        }

        public int Index { get; }
    }

    // As UnionCodeWriter writes a union of a number and an integer, the number first.
    [JsonConverter(typeof(NumberChoiceConverter))]
    public sealed class NumberChoice
    {
        internal static readonly UnionLayout<NumberChoice> Layout = new(
            "value",
            null,
            (index, value) => new NumberChoice(index, value),
            union => union.Index,
            union => union.Value,
            new UnionVariant(UnionShapes.Double),
            new UnionVariant(UnionShapes.Int64));

        private NumberChoice(int index, object value)
        {
            Index = index;
            Value = value;
        }

        public int Index { get; }

        public object Value { get; }
    }

    internal sealed class NumberChoiceConverter : UnionConverter<NumberChoice>
    {
        public NumberChoiceConverter()
            : base(NumberChoice.Layout)
        {
        }
    }

    internal sealed class TaggedChoiceConverter : UnionConverter<TaggedChoice>
    {
        public TaggedChoiceConverter()
            : base(TaggedChoice.Layout)
        {
        }
    }

    internal sealed class RequiredChoiceConverter : UnionConverter<RequiredChoice>
    {
        public RequiredChoiceConverter()
            : base(RequiredChoice.Layout)
        {
        }
    }
}
