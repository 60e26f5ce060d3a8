using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

public class NormalizerTests
{
    private const string Variants = """
        Text:
          type: object
          properties:
            type:
              type: string
              enum: [text]
            text:
              type: string
          required: [type, text]
        Image:
          type: object
          properties:
            type:
              type: string
              enum: [image_url]
            url:
              type: string
          required: [type, url]
        """;

    private const string ContentParts = Variants + """

        Part:
          description: A content part.
          oneOf:
            - $ref: '#/components/schemas/Text'
            - $ref: '#/components/schemas/Image'
        """;

    [Test]
    public void Tagged_union_becomes_a_base_with_a_mapping_and_an_unknown_variant()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas(ContentParts, "3.0.0"));

        var part = result.Schema("Part");
        var text = result.Schema("Text");
        var textOwn = (JObject)text["allOf"]![1]!;
        Assert.Multiple(() =>
        {
            Assert.That((bool?)part["x-abstract"], Is.True);
            Assert.That((string?)part["discriminator"]!["propertyName"], Is.EqualTo("type"));
            Assert.That(((JObject)part["discriminator"]!["mapping"]!).Properties().Select(p => $"{p.Name}={p.Value}"), Is.EqualTo(new[]
            {
                "text=#/components/schemas/Text", "image_url=#/components/schemas/Image", "*=#/components/schemas/PartUnknown",
            }));
            Assert.That((string?)part["description"], Is.EqualTo("A content part."));
            Assert.That(part["oneOf"], Is.Null);
            Assert.That((string?)text["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/Part"));
            Assert.That(textOwn["properties"]!["type"], Is.Null, "the base reads and writes the tag");
            Assert.That(textOwn["required"]!.Select(r => (string?)r), Is.EqualTo(new[] { "text" }));
            Assert.That((string?)result.Schema("PartUnknown")["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/Part"));
            Assert.That(result.TaggedUnions, Is.EquivalentTo(new Dictionary<string, string> { ["Part"] = "type" }));
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Integers_holding_a_Unix_time_become_int64_others_stay_as_they_are()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Thing:
              type: object
              properties:
                created:
                  type: integer
                  description: The Unix timestamp (in seconds) of when it was made.
                count:
                  type: integer
                  description: How many.
                small_time:
                  type: integer
                  format: int32
                  description: A Unix time kept small on purpose.
                completed_at:
                  type: integer
                  format: unixtime
                  description: When it ended.
            """, "3.0.0"));

        var props = result.Schema("Thing")["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)props["created"]!["format"], Is.EqualTo("int64"), "int would run out in January 2038");
            Assert.That(props["count"]!["format"], Is.Null);
            Assert.That((string?)props["small_time"]!["format"], Is.EqualTo("int32"), "a format the spec gives is kept");
            Assert.That((string?)props["completed_at"]!["format"], Is.EqualTo("int64"), "newer specs say unixtime as the format");
        });
    }

    [Test]
    public void Known_variants_get_a_read_only_tag_member_unless_they_have_a_member_of_that_name()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas(ContentParts.Replace("url:\n", "Type_:\n"), "3.0.0"));

        var code = UnionTagCodeWriter.Write(result.Document, "N");

        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Contain("public partial class Text\n    {\n").And.Contain("[Newtonsoft.Json.JsonProperty(\"type\", Order = -2)]\n        public string Type => \"text\";"));
            Assert.That(code, Does.Not.Contain("class Image"), "Image has a member Type_ (C# Type) of its own: its converter puts the tag in");
            Assert.That(code, Does.Not.Contain("PartUnknown"), "the unknown variant keeps its tag among its members");
            Assert.That(UnionTagCodeWriter.Write(result.Document, "N"), Is.EqualTo(code), "deterministic");
        });
    }

    [Test]
    public void Unions_sharing_a_variant_become_one_base_named_after_the_variants()
    {
        var spec = SpecText.WithSchemas(ContentParts.Replace("Part:\n", "UserPart:\n") + """

            Refusal:
              type: object
              properties:
                type:
                  type: string
                  const: refusal
                refusal:
                  type: string
            AssistantPart:
              oneOf:
                - $ref: '#/components/schemas/Text'
                - $ref: '#/components/schemas/Refusal'
            SystemPart:
              oneOf:
                - $ref: '#/components/schemas/Text'
            Msg:
              type: object
              properties:
                user:
                  type: array
                  items:
                    $ref: '#/components/schemas/UserPart'
                assistant:
                  type: array
                  items:
                    $ref: '#/components/schemas/AssistantPart'
                system:
                  type: array
                  items:
                    $ref: '#/components/schemas/SystemPart'
            """);
        var result = SpecText.Normalize(spec);

        var msg = result.Schema("Msg");
        Assert.Multiple(() =>
        {
            // Text, Image and Refusal have no common prefix of two words, so the family takes the first union's name.
            Assert.That(result.TaggedUnions.Keys, Is.EqualTo(new[] { "AssistantPart" }));
            Assert.That(((JObject)result.Schema("AssistantPart")["discriminator"]!["mapping"]!).Properties().Select(p => p.Name),
                Is.EquivalentTo(new[] { "text", "refusal", "image_url", "*" }));
            Assert.That(result.SchemaNames(), Does.Not.Contain("UserPart").And.Not.Contain("SystemPart"));
            Assert.That((string?)msg["properties"]!["user"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/AssistantPart"));
            Assert.That((string?)msg["properties"]!["system"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/Text"), "a one-member union is its member");
            Assert.That(result.Notes, Has.Some.Contains("share variants"));
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Family_name_is_the_common_prefix_of_its_variants()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UnionFamilies.Name(new[] { "UserPart", "AssistantPart" }, new[] { "MessageContentPartText", "MessageContentPartImage", "MessageContentPartRefusal" }, _ => true),
                Is.EqualTo("MessageContentPart"));
            Assert.That(UnionFamilies.Name(new[] { "UserPart", "AssistantPart" }, new[] { "MessageContentPartText", "MessageContentPartImage" }, _ => false),
                Is.EqualTo("UserPart"), "a taken name is not used");
            Assert.That(UnionFamilies.Name(new[] { "A", "B" }, new[] { "Textual", "Texture" }, _ => true), Is.EqualTo("A"), "the prefix must end at a word");
        });
    }

    [Test]
    public void Unknown_variant_name_and_inline_tagged_union_get_names_from_their_place()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas(Variants + """

            Req2:
              type: object
              properties:
                parts:
                  type: array
                  items:
                    oneOf:
                      - $ref: '#/components/schemas/Text'
                      - $ref: '#/components/schemas/Image'
            Calls:
              type: array
              items:
                oneOf:
                  - $ref: '#/components/schemas/CallA'
                  - $ref: '#/components/schemas/CallB'
            CallA:
              type: object
              properties:
                type:
                  const: a
                x:
                  type: string
            CallB:
              type: object
              properties:
                type:
                  const: b
            """));

        Assert.Multiple(() =>
        {
            Assert.That(result.TaggedUnions.Keys, Is.EquivalentTo(new[] { "Req2Part", "CallsItem" }));
            Assert.That((string?)result.Schema("Req2")["properties"]!["parts"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/Req2Part"));
            Assert.That((string?)result.Schema("Calls")["items"]!["$ref"], Is.EqualTo("#/components/schemas/CallsItem"));
            Assert.That(result.SchemaNames(), Does.Contain("CallsItemUnknown"));
        });
    }

    [Test]
    public void Enums_are_hoisted_as_open_enums_named_after_their_place()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Resp:
              type: object
              properties:
                object:
                  type: string
                  enum: [chat.completion]
                choices:
                  type: array
                  items:
                    type: object
                    properties:
                      finish_reason:
                        type: string
                        description: Why it stopped.
                        enum: [stop, length, tool_calls]
            Role:
              type: string
              enum: [system, user]
            """));

        var choice = result.Schema("RespChoice");
        Assert.Multiple(() =>
        {
            Assert.That(result.Enums.Select(e => e.Name), Is.EquivalentTo(new[] { "RespObject", "RespChoiceFinishReason", "Role" }));
            Assert.That(result.Enums.Single(e => e.Name == "RespChoiceFinishReason").Values, Is.EqualTo(new[] { "stop", "length", "tool_calls" }));
            Assert.That((string?)choice["properties"]!["finish_reason"]!["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/RespChoiceFinishReason"));
            Assert.That((string?)choice["properties"]!["finish_reason"]!["description"], Is.EqualTo("Why it stopped."));
            Assert.That((bool?)result.Schema("Role")["x-oaiGen-enum"]?.HasValues, Is.True);
            Assert.That(result.ExcludedTypeNames, Is.SupersetOf(new[] { "RespObject", "RespChoiceFinishReason", "Role" }));
        });

        var code = EnumCodeWriter.Write(result.Enums, "OpenAI.Gen");
        Assert.That(code, Does.Contain("public sealed partial class RespChoiceFinishReason : ExtensibleEnum")
            .And.Contain("public static RespChoiceFinishReason ToolCalls { get; } = new RespChoiceFinishReason(\"tool_calls\");"));
    }

    [Test]
    public void Inline_objects_and_compositions_are_hoisted()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Base:
              type: object
              properties:
                role:
                  type: string
            Resp:
              type: object
              properties:
                choices:
                  type: array
                  items:
                    type: object
                    properties:
                      logprobs:
                        type: object
                        nullable: true
                        properties:
                          content:
                            type: string
                data:
                  type: array
                  items:
                    allOf:
                      - $ref: '#/components/schemas/Base'
                      - type: object
                        properties:
                          id:
                            type: string
            """, "3.0.0"));

        var choice = result.Schema("RespChoice");
        Assert.Multiple(() =>
        {
            Assert.That((string?)result.Schema("Resp")["properties"]!["choices"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/RespChoice"));
            Assert.That((string?)choice["properties"]!["logprobs"]!["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/RespChoiceLogprobs"));
            Assert.That((bool?)choice["properties"]!["logprobs"]!["nullable"], Is.True, "nullability stays on the member");
            Assert.That(result.Schema("RespChoiceLogprobs")["nullable"], Is.Null);
            Assert.That((string?)result.Schema("Resp")["properties"]!["data"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/RespDataItem"));
            Assert.That((string?)result.Schema("RespDataItem")["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/Base"));
        });
    }

    [Test]
    public void Configured_union_name_names_the_generated_union_type()
    {
        var result = SpecText.Normalize(
            SpecText.WithSchemas("""
                Req2:
                  type: object
                  properties:
                    stop:
                      description: Where to stop.
                      oneOf:
                        - type: string
                        - type: array
                          items:
                            type: string
                """, "3.0.0"),
            new Dictionary<string, string[]> { ["StopSequences"] = new[] { "Req2.stop" } },
            new Dictionary<string, IDictionary<string, string>> { ["StopSequences"] = new Dictionary<string, string> { ["string[]"] = "List" } });

        Assert.Multiple(() =>
        {
            Assert.That((string?)result.Schema("Req2")["properties"]!["stop"]!["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/StopSequences"));
            Assert.That((bool?)result.Schema("StopSequences")["x-oaiGen-union"], Is.True);
            Assert.That(result.ExcludedTypeNames, Does.Contain("StopSequences"));
            Assert.That(result.Unions["StopSequences"].Variants.Select(v => v.Name), Is.EqualTo(new[] { "String", "List" }), "mapped member names; the rest by the rule");
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Configured_property_that_refers_to_a_named_union_takes_that_union()
    {
        var result = SpecText.Normalize(
            SpecText.WithSchemas("""
                StopConfiguration:
                  anyOf:
                    - type: string
                    - type: array
                      items:
                        type: string
                    - type: "null"
                A:
                  type: object
                  properties:
                    stop:
                      $ref: '#/components/schemas/StopConfiguration'
                B:
                  type: object
                  properties:
                    stop:
                      $ref: '#/components/schemas/StopConfiguration'
                """),
            new Dictionary<string, string[]> { ["StopSequences"] = new[] { "A.stop", "B.stop" } });

        Assert.Multiple(() =>
        {
            Assert.That(result.SchemaNames(), Does.Not.Contain("StopConfiguration"));
            Assert.That((string?)result.Schema("A")["properties"]!["stop"]!["$ref"], Is.EqualTo("#/components/schemas/StopSequences"));
            Assert.That((string?)result.Schema("B")["properties"]!["stop"]!["$ref"], Is.EqualTo("#/components/schemas/StopSequences"));
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(result.Notes, Has.Some.Contains("'A.stop' refers to the union 'StopConfiguration'"));
        });
    }

    [Test]
    public void Union_name_map_entries_the_spec_does_not_use_are_reported_and_a_changed_union_follows_the_spec()
    {
        var result = SpecText.Normalize(
            SpecText.WithSchemas("""
                Named:
                  type: object
                  properties:
                    name:
                      type: string
                Req2:
                  type: object
                  properties:
                    choice:
                      oneOf:
                        - type: string
                        - $ref: '#/components/schemas/Named'
                        - type: array
                          items:
                            type: integer
                    plain:
                      type: string
                """, "3.0.0"),
            new Dictionary<string, string[]>
            {
                ["Choice"] = new[] { "Req2.choice" },
                ["Gone"] = new[] { "Req2.function_call" },
                ["Plain"] = new[] { "Req2.plain" },
            },
            new Dictionary<string, IDictionary<string, string>> { ["Choice"] = new Dictionary<string, string> { ["string"] = "Mode", ["Other"] = "Other" } });

        Assert.Multiple(() =>
        {
            Assert.That(result.Unions["Choice"].Shape, Is.EqualTo("string | Named | integer[]"));
            Assert.That(result.Unions["Choice"].Variants.Select(v => v.Name), Is.EqualTo(new[] { "Mode", "Named", "Integers" }));
            Assert.That(result.Warnings, Has.One.Contains("OAIGEN011").And.Contains("'Gone'").And.Contains("'Req2.function_call'"));
            Assert.That(result.Warnings, Has.One.Contains("OAIGEN010").And.Contains("'Plain'").And.Contains("not a union"));
        });
    }

    [Test]
    public void Union_that_cannot_be_typed_becomes_raw_json_with_a_warning_never_its_first_member()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Named:
              type: object
              properties:
                name:
                  type: string
            Other:
              type: object
              properties:
                size:
                  type: integer
            Either:
              description: One or the other, untagged.
              oneOf:
                - $ref: '#/components/schemas/Named'
                - $ref: '#/components/schemas/Other'
            Req2:
              type: object
              properties:
                content:
                  oneOf:
                    - type: string
                    - $ref: '#/components/schemas/Either'
                either:
                  $ref: '#/components/schemas/Either'
                eithers:
                  type: array
                  items:
                    $ref: '#/components/schemas/Either'
            """, "3.0.0"));

        var req = result.Schema("Req2");
        Assert.Multiple(() =>
        {
            Assert.That((bool?)req["properties"]!["content"]!["x-oaiGen-raw"], Is.True);
            Assert.That(req["properties"]!["content"]!["type"], Is.Null, "no type: generated as object holding the JSON");
            Assert.That(result.SchemaNames(), Does.Not.Contain("Either"), "a named raw union would be an empty class");
            Assert.That((bool?)req["properties"]!["either"]!["x-oaiGen-raw"], Is.True);
            Assert.That((string?)req["properties"]!["either"]!["description"], Is.EqualTo("One or the other, untagged."));
            Assert.That((bool?)req["properties"]!["eithers"]!["items"]!["x-oaiGen-raw"], Is.True);
            Assert.That(result.Warnings, Has.One.Contains("OAIGEN100").And.Contains("'Req2.content' (string | any)").And.Contains("the member 'any' is neither"), "Either was raw JSON before");
            Assert.That(result.Warnings, Has.One.Contains("OAIGEN100").And.Contains("'Either' (Named | Other)").And.Contains("share no property with one value each"));
            Assert.That(result.RawUnions, Is.EquivalentTo(new[] { "Either", "Req2.content" }));
            Assert.That(SpecText.UnionsLeft(result.Document), Is.Empty);
        });
    }

    [Test]
    public void Strings_with_known_values_stay_strings_and_unions_of_enums_merge()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            ChatModel:
              type: string
              enum: [gpt-4o, o3]
            ModelIds:
              anyOf:
                - type: string
                - $ref: '#/components/schemas/ChatModel'
            Req2:
              type: object
              properties:
                model:
                  $ref: '#/components/schemas/ModelIds'
                legacy_model:
                  anyOf:
                    - type: string
                    - type: string
                      enum: [davinci-002]
                mode:
                  anyOf:
                    - type: string
                      enum: [none, auto]
                    - type: string
                      enum: [required]
            """));

        Assert.Multiple(() =>
        {
            Assert.That((string?)result.Schema("ModelIds")["type"], Is.EqualTo("string"));
            Assert.That(result.KnownValues["ModelIds"], Is.EqualTo(new[] { "gpt-4o", "o3" }));
            Assert.That(result.KnownValues["Req2.model"], Is.EqualTo(new[] { "gpt-4o", "o3" }));
            Assert.That(result.KnownValues["Req2.legacy_model"], Is.EqualTo(new[] { "davinci-002" }));
            Assert.That((string?)result.Schema("Req2")["properties"]!["legacy_model"]!["type"], Is.EqualTo("string"));
            Assert.That(result.Enums.Single(e => e.Name == "Req2Mode").Values, Is.EqualTo(new[] { "none", "auto", "required" }));
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    [Test]
    public void Missing_reference_is_a_spec_exception_with_the_line()
    {
        var spec = SpecText.WithSchemas("""
            Req2:
              type: object
              properties:
                a:
                  $ref: '#/components/schemas/Nowhere'
            """);

        var e = Assert.Throws<SpecException>(() => SpecText.Normalize(spec))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Line, Is.EqualTo(31));
            Assert.That(e.Message, Does.StartWith("test.yaml(31,").And.Contains("error OAIGEN001").And.Contains("Nowhere"));
        });
    }

    [Test]
    public void Invalid_yaml_is_a_spec_exception_with_the_line()
    {
        var e = Assert.Throws<SpecException>(() => YamlLoader.Load("openapi: 3.1.0\ninfo:\n  title: t\n  bad: [unclosed\npaths: {}\n", "broken.yaml"))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.File, Is.EqualTo("broken.yaml"));
            Assert.That(e.Line, Is.EqualTo(4), e.Message);
            Assert.That(e.Message, Does.Contain("not valid YAML"));
        });
    }

    [Test]
    public void Duplicate_key_is_a_spec_exception_with_the_line()
    {
        var e = Assert.Throws<SpecException>(() => YamlLoader.Load("openapi: 3.1.0\ninfo:\n  title: a\n  title: b\n", "dup.yaml"))!;
        Assert.That(e.Message, Does.StartWith("dup.yaml(4,3)").And.Contains("Duplicate key title"));
    }

    [Test]
    public void Same_input_gives_the_same_bytes()
    {
        var spec = YamlLoader.LoadFile(SpecText.Fixture("upstream-3.1.yaml"));
        var normalizer = new SpecNormalizer(SpecText.LibraryOptions("upstream-3.1.yaml"));

        var first = normalizer.Normalize(spec);
        var again = normalizer.Normalize(spec);
        var fresh = new SpecNormalizer(SpecText.LibraryOptions("upstream-3.1.yaml")).Normalize(YamlLoader.LoadFile(SpecText.Fixture("upstream-3.1.yaml")));

        Assert.Multiple(() =>
        {
            Assert.That(NormalizeCommand.Serialize(again.Document), Is.EqualTo(NormalizeCommand.Serialize(first.Document)));
            Assert.That(NormalizeCommand.Serialize(fresh.Document), Is.EqualTo(NormalizeCommand.Serialize(first.Document)));
            Assert.That(EnumCodeWriter.Write(fresh.Enums, "N"), Is.EqualTo(EnumCodeWriter.Write(first.Enums, "N")));
            Assert.That(fresh.Warnings, Is.EqualTo(first.Warnings));
            Assert.That(spec["openapi"]!.ToString(), Is.EqualTo("3.1.0"), "the input is not changed");
        });
    }

    [Test]
    public void A_reference_made_nullable_by_an_allOf_member_stays_the_referenced_type()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Choice:
              type: object
              properties:
                mode: {type: string}
            Run:
              type: object
              properties:
                choice:
                  allOf:
                    - $ref: '#/components/schemas/Choice'
                    - nullable: true
            """, "3.0.0"));

        var choice = (JObject)result.Schema("Run")["properties"]!["choice"]!;
        Assert.Multiple(() =>
        {
            Assert.That(SchemaReferences.Target(choice), Is.EqualTo("Choice"));
            Assert.That((bool?)choice["nullable"], Is.True);
            Assert.That(result.Document["components"]!["schemas"]!["RunChoice"], Is.Null, "no class derived from the reference");
        });
    }
}
