using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Tests.SpecTool;

/// <summary>
/// Block scalars as YAML 1.2.2 §8.1.1.1 reads them: with no indentation indicator the content indentation is that
/// of the first non-empty line or, when there is none, of the longest line.
/// </summary>
public class YamlLoaderTests
{
    [TestCase("a:\n  example: |+\n      \n  next: x\n", "\n")]
    [TestCase("a:\n  example: |+\n      \n\n        \n  next: x\n", "\n\n\n")]
    [TestCase("a:\n  example: |-\n      \n  next: x\n", "")]
    [TestCase("a:\n  example: >+\n      \n  next: x\n", "\n")]
    [TestCase("a:\n  example: |+ # kept\n      \n  next: x\n", "\n")]
    [TestCase("a:\r\n  example: |+\r\n      \r\n  next: x\r\n", "\n")]
    public void An_empty_block_scalar_with_spaces_is_line_breaks(string yaml, string expected)
    {
        var root = YamlLoader.Load(yaml, "t.yaml");

        Assert.Multiple(() =>
        {
            Assert.That((string?)root["a"]!["example"], Is.EqualTo(expected));
            Assert.That((string?)root["a"]!["next"], Is.EqualTo("x"));
        });
    }

    [Test]
    public void An_empty_block_scalar_in_a_sequence_and_at_the_end_of_the_file()
    {
        var root = YamlLoader.Load("a:\n  - |+\n        \n  - key: |\n        \n", "t.yaml");

        Assert.That(root["a"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("[\"\\n\",{\"key\":\"\"}]"));
    }

    [Test]
    public void Lines_after_the_scalar_keep_their_numbers()
    {
        var root = YamlLoader.Load("a:\n  example: |+\n      \n\n  next: 1\n", "t.yaml");

        var e = Assert.Throws<SpecException>(() => YamlLoader.Load("a:\n  example: |+\n      \n\n  next:\n    deeper: [unclosed\nb: 1\n", "t.yaml"))!;
        Assert.Multiple(() =>
        {
            Assert.That(YamlLoader.Locate(root["a"]!["next"]).Line, Is.EqualTo(5));
            Assert.That(e.Line, Is.GreaterThanOrEqualTo(6), e.Message);
        });
    }

    [Test]
    public void A_scalar_with_content_keeps_its_more_indented_lines()
    {
        // The outer literal holds text that looks like an empty block scalar: it is content, spaces and all.
        var root = YamlLoader.Load("a: |\n  inner: |\n         \n  tail\nb: 1\n", "t.yaml");

        Assert.That((string?)root["a"], Is.EqualTo("inner: |\n       \ntail\n"));
    }

    [Test]
    public void A_leading_empty_line_more_indented_than_the_content_is_still_invalid()
    {
        // The specification forbids it (it would need an indentation indicator): the build stops with file, line and reason.
        var e = Assert.Throws<SpecException>(() => YamlLoader.Load("a:\n  example: |\n        \n    text\n  next: x\n", "broken.yaml"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.File, Is.EqualTo("broken.yaml"));
            Assert.That(e.Line, Is.InRange(2, 4), e.Message);
            Assert.That(e.Message, Does.Contain("OAIGEN001").And.Contain("not valid YAML"));
        });
    }

    [Test]
    public void The_test_spec_holds_the_construct_as_published_and_both_readers_take_it()
    {
        var path = SpecText.Fixture("upstream-3.1.yaml");

        var meta = YamlLoader.LoadFile(path)["paths"]!["/chat/completions"]!["get"]!["x-oaiMeta"]!;
        var document = SpecDocument.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That((string?)meta["example"], Is.EqualTo("\n"));
            Assert.That((string?)meta["returns"], Is.EqualTo("A list of stored chat completions."));
            Assert.That(YamlLoader.Locate(meta["returns"]).Line, Is.EqualTo(109));
            Assert.That(document.Examples, Is.Not.Empty);
        });
    }
}
