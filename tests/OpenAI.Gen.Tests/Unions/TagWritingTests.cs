using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>
/// Tagged unions are written without a JObject per value: known variants carry a generated read-only tag member
/// written first; a variant without one still gets its tag put in first by the converter.
/// </summary>
public class TagWritingTests
{
    private static readonly JsonSerializerSettings Settings = OpenAIJson.Default.CopySettings();

    private static IEnumerable<TestCaseData> GeneratedUnions() =>
        typeof(OpenAIClient).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<JsonInheritanceAttribute>(false).Any())
            .Select(t => new TestCaseData(t).SetName("tag members of " + t.Name));

    [TestCaseSource(nameof(GeneratedUnions))]
    public void Every_known_variant_carries_its_tag_as_a_read_only_member(Type union)
    {
        var tag = ((JsonConverterAttribute)union.GetCustomAttribute(typeof(JsonConverterAttribute))!).ConverterParameters![0]!.ToString()!;
        var variants = union.GetCustomAttributes<JsonInheritanceAttribute>(false).Where(v => v.Key != JsonInheritanceConverter.UnknownKey).ToList();
        var keys = variants.GroupBy(v => v.Type).ToDictionary(g => g.Key, g => g.First().Key);
        foreach (var variant in variants)
        {
            var contract = (JsonObjectContract)new DefaultContractResolver().ResolveContract(variant.Type);
            var property = contract.Properties.GetProperty(tag, StringComparison.Ordinal);
            Assert.That(property, Is.Not.Null, $"{variant.Type.Name} has a '{tag}' member");
            Assert.That(property!.Writable, Is.False, $"{variant.Type.Name}.{property.UnderlyingName} cannot be set to another variant's tag");
            Assert.That(property.ValueProvider!.GetValue(Activator.CreateInstance(variant.Type)!), Is.EqualTo(TagOf(variant.Type, keys, union)));
        }
    }

    // A variant's tag is its own key, or, for a schema extending a variant (2026's EvalGraderPython : GraderPython, listed
    // by NJsonSchema under its schema name, which no answer carries), the tag of the variant it extends.
    private static string TagOf(Type variant, IReadOnlyDictionary<Type, string> keys, Type union)
    {
        var tagged = variant;
        for (var type = variant.BaseType; type != null && type != union; type = type.BaseType)
        {
            if (keys.ContainsKey(type))
            {
                tagged = type;
            }
        }

        return keys[tagged];
    }

    [Test]
    public void A_message_is_written_with_its_role_first_and_read_back()
    {
        var message = new ChatCompletionRequestSystemMessage { Content = "Be brief.", Name = "rules" };

        var json = JsonConvert.SerializeObject(new[] { (ChatCompletionRequestMessage)message }, Settings);

        Assert.That(json, Is.EqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\",\"name\":\"rules\"}]"));
        var back = JsonConvert.DeserializeObject<ChatCompletionRequestMessage[]>(json, Settings)!.Single();
        Assert.That(back, Is.InstanceOf<ChatCompletionRequestSystemMessage>());
        Assert.That(((ChatCompletionRequestSystemMessage)back).Role, Is.EqualTo("system"));
    }

    [Test]
    public void A_variant_without_a_tag_member_gets_its_tag_from_the_converter_first()
    {
        var json = JsonConvert.SerializeObject(new Shape[] { new Circle { Radius = 2 }, new ShapeUnknown { AdditionalProperties = { ["kind"] = "hexagon", ["sides"] = 6 } } });

        Assert.That(json, Is.EqualTo("[{\"kind\":\"circle\",\"radius\":2.0},{\"kind\":\"hexagon\",\"sides\":6}]"));
        var back = JsonConvert.DeserializeObject<Shape[]>(json)!;
        Assert.That(back.Select(s => s.GetType()), Is.EqualTo(new[] { typeof(Circle), typeof(ShapeUnknown) }));
    }

    /// <summary>A union shaped like generated ones, but with no tag members.</summary>
    [JsonConverter(typeof(JsonInheritanceConverter), "kind")]
    [JsonInheritance("circle", typeof(Circle))]
    [JsonInheritance("*", typeof(ShapeUnknown))]
    public abstract class Shape
    {
    }

    /// <summary>A known variant.</summary>
    public sealed class Circle : Shape
    {
        /// <summary>A member.</summary>
        [JsonProperty("radius")]
        public double Radius { get; set; }
    }

    /// <summary>The unknown variant, keeping every member.</summary>
    public sealed class ShapeUnknown : Shape
    {
        /// <summary>The members.</summary>
        [JsonExtensionData]
        public IDictionary<string, object?> AdditionalProperties { get; } = new Dictionary<string, object?>();
    }
}
