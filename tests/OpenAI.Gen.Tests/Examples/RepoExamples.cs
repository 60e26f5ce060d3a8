using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>The committed spec read for its examples, and the committed allowances, shared by the example tests.</summary>
public static class RepoExamples
{
    private static readonly Lazy<SpecDocument> LazySpec = new(() => SpecDocument.Load(Repo.Spec));
    private static readonly Lazy<IReadOnlyList<ExampleAllowance>> LazyAllowances = new(LoadAllowances);
    private static readonly Dictionary<string, SpecDocument> SharedSpecs = new();

    /// <summary>openapi/openai.yaml.</summary>
    public static SpecDocument Spec => LazySpec.Value;

    /// <summary>
    /// openapi/example-allowances.json: the allowances reviewed for the committed spec, tied to it by the digest of its
    /// text; Regenerate writes the proposal for a new spec (`validate-examples --propose`).
    /// </summary>
    public static string AllowancesFile => Path.Combine(Repo.Root, "openapi", "example-allowances.json");

    /// <summary>The committed allowances.</summary>
    public static IReadOnlyList<ExampleAllowance> Allowances => LazyAllowances.Value;

    private static IReadOnlyList<ExampleAllowance> LoadAllowances()
    {
        var file = ExampleAllowanceFile.Load(AllowancesFile);
        if (!file.AppliesTo(File.ReadAllText(Repo.Spec)))
        {
            throw new InvalidOperationException(
                $"{AllowancesFile} was reviewed for another spec than {Repo.Spec}: `dotnet cake --target=ExampleAllowances` (which Regenerate runs) writes this spec's proposal; review its diff.");
        }

        return file.Allowances;
    }

    /// <summary>
    /// A reference spec of ../shared/spec read for its examples (each read once), or the test ignored where that folder
    /// does not hold it.
    /// </summary>
    public static SpecDocument SharedSpec(string name)
    {
        var path = Repo.SharedSpec(name);
        if (path == null)
        {
            Assert.Ignore($"../shared/spec/{name} is not here");
        }

        lock (SharedSpecs)
        {
            return SharedSpecs.TryGetValue(name, out var spec) ? spec : SharedSpecs[name] = SpecDocument.Load(path!);
        }
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
