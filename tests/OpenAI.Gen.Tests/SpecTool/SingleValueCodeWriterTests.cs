using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

public class SingleValueCodeWriterTests
{
    [Test]
    public void Required_single_valued_members_are_set_by_a_generated_constructor()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Tool:
              type: object
              required: [type, function]
              properties:
                type:
                  type: string
                  enum: [function]
                function:
                  type: string
                kind:
                  type: string
                  enum: [only]
            Chunk:
              allOf:
                - $ref: '#/components/schemas/Tool'
                - type: object
                  required: [object]
                  properties:
                    object:
                      type: string
                      enum: [chat.completion.chunk]
            Plain:
              type: object
              required: [mode]
              properties:
                mode:
                  type: string
                  enum: [a, b]
            """));

        var code = SingleValueCodeWriter.Write(result.Document, "N");

        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Contain("public partial class Tool\n    {").And.Contain("            Type = ToolType.Function;\n"));
            Assert.That(code, Does.Contain("public partial class Chunk\n    {").And.Contain("            Object = ChunkObject.ChatCompletionChunk;\n"));
            Assert.That(code, Does.Not.Contain("Kind =").And.Not.Contain("class Plain"), "an optional member, or one of two values, is left unset");
        });
    }
}
