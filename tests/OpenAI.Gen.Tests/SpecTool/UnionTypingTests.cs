using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

/// <summary>The spec tool recognises untagged unions itself, in their 3.0 and 3.1 spellings, and writes their types.</summary>
public class UnionTypingTests
{
    private const string Part = """
        Part:
          type: object
          required: [type, text]
          properties:
            type:
              type: string
              enum: [text]
            text:
              type: string
        """;

    [TestCase("3.0.0", "nullable: true\noneOf:\n  - type: string\n  - type: array\n    items:\n      $ref: '#/components/schemas/Part'")]
    [TestCase("3.1.0", "anyOf:\n    - type: string\n    - type: array\n      items:\n        $ref: '#/components/schemas/Part'\n    - type: \"null\"")]
    [TestCase("3.1.0", "oneOf:\n    - type: string\n    - type: \"null\"\n    - type: array\n      items:\n        $ref: '#/components/schemas/Part'")]
    [TestCase("3.1.0", "type: [string, array, \"null\"]\nitems:\n  $ref: '#/components/schemas/Part'")]
    public void String_or_array_of_objects_that_may_be_null_is_one_nullable_union(string version, string union)
    {
        var result = SpecText.Normalize(SpecText.WithSchemas(Part + "\nMsg:\n  type: object\n  properties:\n    content:\n" + Indent(union, 6), version));

        var content = result.Schema("Msg")["properties"]!["content"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)content["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/MsgContent"));
            Assert.That((bool?)content["nullable"], Is.True);
            Assert.That(result.Unions["MsgContent"].Shape, Is.EqualTo("string | Part[]"));
            Assert.That(result.Unions["MsgContent"].Variants.Select(v => v.Name), Is.EqualTo(new[] { "String", "Parts" }));
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(SpecText.UnionsLeft(result.Document), Is.Empty);
        });
    }

    [Test]
    public void Prompt_shapes_are_told_apart_by_the_first_item_and_named_by_the_rule()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Req2:
              type: object
              properties:
                prompt:
                  oneOf:
                    - type: string
                    - type: array
                      items:
                        type: string
                    - type: array
                      items:
                        type: integer
                    - type: array
                      items:
                        type: array
                        items:
                          type: integer
            """, "3.0.0"));

        var union = result.Unions["Req2Prompt"];
        var code = UnionCodeWriter.Write(result.Unions.Values, "Test");
        Assert.Multiple(() =>
        {
            Assert.That(union.Shape, Is.EqualTo("string | string[] | integer[] | integer[][]"));
            Assert.That(union.Variants.Select(v => v.Name), Is.EqualTo(new[] { "String", "Strings", "Integers", "IntegerArrays" }));
            Assert.That(union.KeepsUnknownObjects, Is.False);
            Assert.That(code, Does.Contain("public static Req2Prompt FromIntegerArrays(System.Collections.Generic.IEnumerable<System.Collections.Generic.IEnumerable<int>> value)"));
            Assert.That(code, Does.Contain("public static implicit operator Req2Prompt(int[][] value)"));
            Assert.That(code, Does.Contain("public bool TryGetIntegers([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out System.Collections.Generic.IReadOnlyList<int>? value)"));
            Assert.That(code, Does.Contain("new UnionVariant(UnionShapes.Array(UnionShapes.Array(UnionShapes.Int32)))"));
            Assert.That(code, Does.Not.Contain("IsUnknown"));
        });
    }

    [Test]
    public void Inline_objects_with_a_one_valued_property_are_told_apart_by_it_and_get_names_of_their_own()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Tool:
              type: object
              properties:
                format:
                  anyOf:
                    - type: object
                      properties:
                        type:
                          const: text
                    - type: object
                      required: [type, grammar]
                      properties:
                        type:
                          type: string
                          const: grammar
                        grammar:
                          type: string
            """));

        var union = result.Unions["ToolFormat"];
        var code = UnionCodeWriter.Write(result.Unions.Values, "Test");
        Assert.Multiple(() =>
        {
            Assert.That(union.TagProperty, Is.EqualTo("type"));
            Assert.That(union.Variants.Select(v => (v.Name, v.TagValue)), Is.EqualTo(new[] { ("ToolFormatText", (string?)"text"), ("ToolFormatGrammar", "grammar") }));
            Assert.That(result.SchemaNames(), Does.Contain("ToolFormatText").And.Contain("ToolFormatGrammar"));
            Assert.That(result.Schema("ToolFormatGrammar")["properties"]!["grammar"], Is.Not.Null);
            Assert.That(union.KeepsUnknownObjects, Is.True);
            Assert.That(code, Does.Contain("public bool IsUnknown => _index < 0;"));
            Assert.That(code, Does.Contain("\"type\",\n"));
        });
    }

    [Test]
    public void Objects_without_a_shared_tag_are_told_apart_by_their_required_members()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            ByName:
              type: object
              required: [name]
              properties:
                name:
                  type: string
            ById:
              type: object
              required: [id]
              properties:
                id:
                  type: integer
            Ref:
              oneOf:
                - $ref: '#/components/schemas/ByName'
                - $ref: '#/components/schemas/ById'
                - type: string
            """));

        var union = result.Unions["Ref"];
        Assert.Multiple(() =>
        {
            Assert.That(union.TagProperty, Is.Null);
            Assert.That(union.Variants.Select(v => string.Join(",", v.Required)), Is.EqualTo(new[] { "name", "id", string.Empty }));
            Assert.That((bool?)result.Schema("Ref")["x-oaiGen-union"], Is.True, "a named union keeps its name");
        });
    }

    [Test]
    public void Array_items_that_are_unions_get_a_union_named_for_one_item()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas(Part + """

            Req2:
              type: object
              properties:
                inputs:
                  type: array
                  items:
                    oneOf:
                      - type: string
                      - $ref: '#/components/schemas/Part'
            """, "3.0.0"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)result.Schema("Req2")["properties"]!["inputs"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/Req2Input"));
            Assert.That(result.Unions["Req2Input"].Shape, Is.EqualTo("string | Part"));
        });
    }

    [Test]
    public void Members_that_cannot_be_told_apart_leave_the_union_raw_with_the_reason()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas(Part + """

            Other:
              type: object
              properties:
                size:
                  type: integer
            Req2:
              type: object
              properties:
                lists:
                  oneOf:
                    - type: array
                      items:
                        $ref: '#/components/schemas/Part'
                    - type: array
                      items:
                        $ref: '#/components/schemas/Other'
            """, "3.0.0"));

        Assert.Multiple(() =>
        {
            Assert.That(result.RawUnions, Is.EqualTo(new[] { "Req2.lists" }));
            Assert.That(result.Warnings, Has.One.Contains("OAIGEN100").And.Contains("Part[] and Other[] cannot be told apart when reading"));
            Assert.That(result.Unions, Is.Empty);
        });
    }

    [Test]
    public void One_name_for_two_locations_is_one_type_unless_the_shapes_differ()
    {
        const string StringOrStrings = "oneOf:\n  - type: string\n  - type: array\n    items:\n      type: string";
        var schemas = string.Join("\n", new[] { ("A", StringOrStrings), ("B", StringOrStrings), ("C", "oneOf:\n  - type: string\n  - type: integer") }
            .Select(s => $"{s.Item1}:\n  type: object\n  properties:\n    stop:\n{Indent(s.Item2, 6)}"));
        var result = SpecText.Normalize(
            SpecText.WithSchemas(schemas, "3.0.0"),
            new Dictionary<string, string[]> { ["Stops"] = new[] { "A.stop", "B.stop", "C.stop" } });

        Assert.Multiple(() =>
        {
            Assert.That(result.Unions.Keys, Is.EquivalentTo(new[] { "Stops", "Stops2" }));
            Assert.That(result.Unions["Stops2"].Shape, Is.EqualTo("string | integer"));
            Assert.That(result.Notes, Has.One.Contains("'C.stop'").And.Contains("differs from 'Stops'"));
        });
    }

    [Test]
    public void A_named_array_member_is_read_as_its_items_and_a_named_enum_member_keeps_a_string_union_a_string()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas(Part + """

            AModels:
              type: string
              enum: [m1, m2]
            PartList:
              type: array
              items:
                $ref: '#/components/schemas/Part'
            Req2:
              type: object
              properties:
                content:
                  oneOf:
                    - type: string
                    - $ref: '#/components/schemas/PartList'
                model:
                  anyOf:
                    - type: string
                    - $ref: '#/components/schemas/AModels'
            """, "3.0.0"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Unions["Req2Content"].Shape, Is.EqualTo("string | Part[]"));
            Assert.That(result.Schema("Req2")["properties"]!["model"]!["type"]?.ToString(), Is.EqualTo("string"), "AModels was an open enum before Req2's turn");
            Assert.That(result.KnownValues["Req2.model"], Is.EqualTo(new[] { "m1", "m2" }));
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    [Test]
    public void An_integer_and_a_number_may_stand_together_and_strings_of_two_formats_are_one_string()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Req2:
              type: object
              properties:
                value:
                  anyOf:
                    - type: number
                    - type: string
                    - type: integer
                    - type: boolean
                when:
                  anyOf:
                    - type: string
                      format: date-time
                    - type: string
                    - type: integer
            """));

        Assert.Multiple(() =>
        {
            Assert.That(result.Unions["Req2Value"].Shape, Is.EqualTo("number | string | integer | boolean"));
            Assert.That(result.Unions["Req2When"].Shape, Is.EqualTo("string | integer"), "the same shapes count once");
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    private static string Indent(string text, int spaces) => string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));
}
