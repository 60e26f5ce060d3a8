using System;
using System.Collections.Generic;
using System.IO;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>The committed spec read for its examples, and the committed allowances, shared by the example tests.</summary>
public static class RepoExamples
{
    private static readonly Lazy<SpecDocument> LazySpec = new(() => SpecDocument.Load(Repo.Spec));
    private static readonly Lazy<IReadOnlyList<ExampleAllowance>> LazyAllowances = new(() => ExampleAllowance.LoadFile(AllowancesFile));

    /// <summary>openapi/openai.yaml.</summary>
    public static SpecDocument Spec => LazySpec.Value;

    /// <summary>openapi/example-allowances.json.</summary>
    public static string AllowancesFile => Path.Combine(Repo.Root, "openapi", "example-allowances.json");

    /// <summary>The committed allowances.</summary>
    public static IReadOnlyList<ExampleAllowance> Allowances => LazyAllowances.Value;

    /// <summary>Options with the committed allowances.</summary>
    public static ExampleValidationOptions Options(bool strict = false)
    {
        var options = new ExampleValidationOptions { Strict = strict };
        foreach (var allowance in Allowances)
        {
            options.Allowances.Add(allowance);
        }

        return options;
    }
}
