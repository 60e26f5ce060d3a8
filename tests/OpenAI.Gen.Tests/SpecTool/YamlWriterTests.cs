using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

public class YamlWriterTests
{
    [Test]
    public void Every_value_reads_back_as_the_same_value()
    {
        var doc = new JObject
        {
            ["version"] = "2.0",
            ["plain"] = "hello world",
            ["yes"] = "yes",
            ["null_text"] = "null",
            ["empty"] = "",
            ["only_newline"] = "\n",
            ["date"] = "2024-08-23",
            ["colon"] = "key: value",
            ["hash"] = "# not a comment",
            ["lead"] = " leading space",
            ["trailing_spaces_in_block"] = "line one  \nline two\n",
            ["unicode"] = "What’s in this image? ✓",
            ["float"] = 1.0,
            ["small"] = -5.4385737e-6,
            ["int"] = 200,
            ["bool"] = true,
            ["nothing"] = null,
            ["empty_list"] = new JArray(),
            ["empty_map"] = new JObject(),
            ["200"] = new JObject { ["description"] = "OK" },
            ["list"] = new JArray("a", 1, new JObject { ["b"] = new JArray("c") }),
        };

        var yaml = YamlWriter.Write(doc);
        var back = YamlLoader.Load(yaml, "written.yaml");

        Assert.Multiple(() =>
        {
            Assert.That(JToken.DeepEquals(back, doc), Is.True, yaml);
            Assert.That(back["float"]!.Type, Is.EqualTo(JTokenType.Float));
            Assert.That(yaml, Does.Contain("version: \"2.0\"\n").And.Contain("\"200\":\n").And.Contain("\"yes\": \"yes\"\n"));
        });
    }

    [Test]
    public void Multi_line_text_is_a_literal_block()
    {
        var yaml = YamlWriter.Write(new JObject { ["example"] = new JObject { ["curl"] = "curl https://x \\\n  -d '{\"a\": 1}'\n" } });

        Assert.That(yaml, Is.EqualTo("example:\n  curl: |\n    curl https://x \\\n      -d '{\"a\": 1}'\n"));
    }

    [Test]
    public void Sequences_are_indented_under_their_key()
    {
        var yaml = YamlWriter.Write(new JObject { ["tags"] = new JArray(new JObject { ["name"] = "Chat" }) });

        Assert.That(yaml, Is.EqualTo("tags:\n  - name: Chat\n"));
    }
}
