using System.Collections.Generic;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

public class PartialsCheckTests
{
    private const string Generated = "namespace OpenAI.Gen\n{\n    public partial class ChatCompletionRequestMessageContentPartText : ChatCompletionRequestMessageContentPart { }\n    public sealed partial class Role : ExtensibleEnum { }\n}\n";

    [Test]
    public void Partial_whose_generated_part_is_gone_is_reported_at_its_declaration()
    {
        var handWritten = new Dictionary<string, string>
        {
            ["Text.cs"] = "namespace OpenAI.Gen;\n\n// partial class InAComment\npublic partial class ChatCompletionRequestMessageContentPartText\n{\n}\n",
            ["Old.cs"] = "namespace OpenAI.Gen;\n\n/// <summary>The seed's name.</summary>\npublic partial class ChatCompletionRequestMessageContentPart2\n{\n    private const string S = \"partial class InAString\";\n}\n",
            ["Split1.cs"] = "public partial class ChatMessage { }\n",
            ["Split2.cs"] = "public static partial class ChatMessage { }\n",
            ["Union.cs"] = "public sealed partial class StopSequences { }\n",
            ["Enum.cs"] = "public sealed partial class Role { }\n",
        };

        var orphans = PartialsCheck.Find(handWritten, new[] { Generated }, new[] { "StopSequences" });

        Assert.That(orphans, Is.EqualTo(new[] { new PartialsCheck.Orphan("Old.cs", 4, 8, "ChatCompletionRequestMessageContentPart2") }));
    }
}
