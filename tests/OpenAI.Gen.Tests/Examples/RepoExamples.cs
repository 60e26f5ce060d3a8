using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>The committed spec read for its examples, and the committed allowances, shared by the example tests.</summary>
public static class RepoExamples
{
    private static readonly Lazy<SpecDocument> LazySpec = new(() => SpecDocument.Load(Repo.Spec));
    private static readonly Lazy<IReadOnlyList<ExampleAllowance>> LazyAllowances = new(LoadAllowances);

    /// <summary>openapi/openai.yaml.</summary>
    public static SpecDocument Spec => LazySpec.Value;

    /// <summary>
    /// openapi/example-allowances.json for the seed spec; a spec cut from upstream has examples with defects of their own,
    /// so its allowances are openapi/example-allowances-&lt;info.version&gt;.json.
    /// </summary>
    public static string AllowancesFile => Path.Combine(
        Repo.Root, "openapi", SeedOnly.IsSeed ? "example-allowances.json" : $"example-allowances-{SpecVersion()}.json");

    /// <summary>The committed allowances.</summary>
    public static IReadOnlyList<ExampleAllowance> Allowances => LazyAllowances.Value;

    private static string SpecVersion()
    {
        var version = Regex.Match(File.ReadAllText(Repo.Spec), @"^info:\r?\n(?:  .*\r?\n)*?  version: *'?([^'\r\n]+)'?", RegexOptions.Multiline);
        return version.Success ? version.Groups[1].Value.Trim() : throw new InvalidOperationException($"{Repo.Spec} has no info.version");
    }

    private static IReadOnlyList<ExampleAllowance> LoadAllowances()
    {
        if (!File.Exists(AllowancesFile))
        {
            throw new FileNotFoundException(
                $"{Repo.Spec} has no example allowances: run `dotnet cake --target=ValidateExamples`, review each finding of this spec's examples and list the accepted ones, with a reason, in {AllowancesFile}.",
                AllowancesFile);
        }

        return ExampleAllowance.LoadFile(AllowancesFile);
    }

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
