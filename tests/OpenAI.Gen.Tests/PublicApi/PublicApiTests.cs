using System;
using System.IO;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.PublicApi;

public class PublicApiTests
{
    [Test]
    public void Public_api_matches_the_committed_baseline()
    {
        var actual = ApiBaseline.Of(typeof(OpenAIClient).Assembly);
        if (Environment.GetEnvironmentVariable(ApiBaseline.UpdateVariable) == "1")
        {
            ApiBaseline.Write(actual);
            Assert.Ignore($"{ApiBaseline.UpdateVariable}=1: wrote {ApiBaseline.Path}; nothing was compared.");
        }

        Assert.That(File.Exists(ApiBaseline.Path), Is.True, $"{ApiBaseline.Path} is missing; create it with: {ApiBaseline.RefreshCommand}");
        var difference = ApiBaseline.Compare(File.ReadAllText(ApiBaseline.Path), actual);
        Assert.That(difference, Is.Null, difference);
    }

    [Test]
    public void A_changed_member_is_reported_with_its_line()
    {
        const string baseline = "namespace OpenAI.Gen\n{\n    public class A\n    {\n        public string? Name { get; set; }\n    }\n}\n";
        var changed = baseline.Replace("string? Name", "int Name");

        var difference = ApiBaseline.Compare(baseline, changed);

        Assert.Multiple(() =>
        {
            Assert.That(ApiBaseline.Compare(baseline, baseline.Replace("\n", "\r\n")), Is.Null, "line ends do not count");
            Assert.That(difference, Does.Contain("1 line(s) removed, 1 added"));
            Assert.That(difference, Does.Contain("-         public string? Name { get; set; }"));
            Assert.That(difference, Does.Contain("+         public int Name { get; set; }"));
            Assert.That(difference, Does.Contain("OPENAI_GEN_UPDATE_API=1"));
        });
    }

    [Test]
    public void The_baseline_holds_the_generated_client_and_no_tool_version()
    {
        var api = ApiBaseline.Of(typeof(OpenAIClient).Assembly);
        Assert.Multiple(() =>
        {
            Assert.That(api, Does.Contain("public class OpenAIClient : OpenAI.Gen.IOpenAIClient"));
            Assert.That(api, Does.Contain("CreateChatCompletionAsync("));
            Assert.That(api, Does.Not.Contain("GeneratedCode"));
        });
    }
}
