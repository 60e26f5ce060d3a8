using System.IO;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Support;

/// <summary>For tests that check the seed spec's own content (its example values), which a regenerated spec changes.</summary>
public static class SeedOnly
{
    /// <summary>The comment the restored seed spec carries; a spec cut from upstream does not.</summary>
    public const string Marker = "# --- Schemas below are not in the seed";

    /// <summary>Whether openapi/openai.yaml is the restored seed.</summary>
    public static bool IsSeed => File.ReadAllText(Repo.Spec).Contains(Marker);

    /// <summary>Skips the calling test, with the reason, when the spec is not the seed.</summary>
    public static void Require()
    {
        if (!IsSeed)
        {
            Assert.Ignore("openapi/openai.yaml was regenerated from an upstream spec; this test checks the seed's own example values.");
        }
    }
}
