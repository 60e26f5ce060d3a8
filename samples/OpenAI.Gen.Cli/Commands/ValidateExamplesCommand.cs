using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Cli.Commands;

/// <summary>
/// <c>validate-examples [spec] [--strict] [--json out.json] [--allow allowances.json] [--propose allowances.json
/// [--source upstream.yaml]]</c>: checks every x-oaiMeta example part of a spec, prints one row per part, writes the same
/// as JSON, and exits 1 on any failure; with <c>--propose</c> it writes the allowances for the spec's findings instead
/// (reviewed reasons kept), and with <c>--source</c>, when <c>reviewed-allowances/</c> beside that file holds the
/// reviewed file of the upstream spec the spec was cut from, only what that file covers of the examples it reviewed, and
/// a proposal for the examples outside them.
/// </summary>
public sealed class ValidateExamplesCommand : ICliCommand
{
    /// <summary>The allowances file looked for beside the spec when <c>--allow</c> is not given.</summary>
    public const string DefaultAllowancesFile = "example-allowances.json";

    private const string DefaultSpec = "openapi/openai.yaml";

    /// <inheritdoc />
    public string Name => "validate-examples";

    /// <inheritdoc />
    public string Usage =>
        "validate-examples [spec] [--strict] [--json out.json] [--allow allowances.json] [--propose allowances.json]\n" +
        $"    spec: default {DefaultSpec} (looked for from the current folder up); allowances: default {DefaultAllowancesFile} beside the spec\n" +
        "    --propose: writes the allowances for this spec's findings to the file, keeping the reasons it already gives; review its diff\n" +
        $"    --source: the upstream spec this one was cut from; when {ReviewedFolder}/ beside the --propose file holds the reviewed\n" +
        "      allowances of that spec (by its digest), the findings of the examples it reviewed are allowed only where it covers them\n" +
        "      (the others fail until reviewed there); findings of the examples it did not review are proposed as above";

    /// <summary>The folder, beside the allowances file, of the reviewed allowances of upstream specs (one file per spec).</summary>
    public const string ReviewedFolder = "reviewed-allowances";

    /// <inheritdoc />
    public Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? spec = null, json = null, allow = null, propose = null, source = null;
        var strict = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--strict":
                    strict = true;
                    break;
                case "--json" or "--allow" or "--propose" or "--source" when i + 1 >= args.Length:
                    return UsageError(error, $"{args[i]} needs a file name");
                case "--json":
                    json = args[++i];
                    break;
                case "--allow":
                    allow = args[++i];
                    break;
                case "--propose":
                    propose = args[++i];
                    break;
                case "--source":
                    source = args[++i];
                    break;
                case var option when option.StartsWith("-", StringComparison.Ordinal):
                    return UsageError(error, $"unknown option '{option}'");
                default:
                    if (spec != null)
                    {
                        return UsageError(error, $"only one spec can be given ('{spec}', then '{args[i]}')");
                    }

                    spec = args[i];
                    break;
            }
        }

        spec ??= FindUp(DefaultSpec);
        if (spec == null || !File.Exists(spec))
        {
            return UsageError(error, $"spec not found: {spec ?? DefaultSpec + " (in the current folder or above)"}");
        }

        if (source != null && propose == null)
        {
            return UsageError(error, "--source goes with --propose");
        }

        var options = new ExampleValidationOptions { Strict = strict };
        ExampleReport report;
        try
        {
            var specText = File.ReadAllText(spec);
            if (propose != null)
            {
                return Task.FromResult(Propose(spec, specText, propose, source, output));
            }

            allow ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(spec))!, DefaultAllowancesFile) is var beside && File.Exists(beside) ? beside : null;
            if (allow != null)
            {
                var file = ExampleAllowanceFile.Load(allow);
                if (!file.AppliesTo(specText))
                {
                    error.WriteLine($"{allow}: these allowances were reviewed for another spec ({file.SpecDigest}, this one is {ExampleAllowanceFile.DigestOf(specText)}); write this spec's with --propose {allow} and review the diff");
                    return Task.FromResult(2);
                }

                foreach (var allowance in file.Allowances)
                {
                    options.Allowances.Add(allowance);
                }
            }

            report = new ExampleValidator(SpecDocument.Load(spec), options).ValidateAll();
        }
        catch (Exception e) when (e is SpecLoadException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            return Task.FromResult(2);
        }

        output.WriteLine($"spec: {spec}{(strict ? " (strict)" : string.Empty)}");
        output.WriteLine($"allowances: {(allow == null ? "none" : $"{allow} ({options.Allowances.Count})")}");
        foreach (var note in report.Notes)
        {
            output.WriteLine("note: " + note);
        }

        WriteTable(report, output);
        WriteFindings(report, output);
        if (json != null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(json));
            Directory.CreateDirectory(directory!);
            File.WriteAllText(json, report.ToJson());
            output.WriteLine($"report written to {json}");
        }

        var failed = report.Results.Count(r => !r.Passed);
        output.WriteLine($"{report.Results.Count} example parts: {report.Results.Count - failed} passed, {failed} failed" +
                         (report.UnusedAllowances.Count > 0 ? $"; {report.UnusedAllowances.Count} unused allowance(s)" : string.Empty));
        return Task.FromResult(report.Passed ? 0 : 1);
    }

    // Validates without allowances and writes the allowances for what was found: with the reviewed file of the source
    // spec, what it covers of the examples it reviewed (the rest of those is listed and fails) and a proposal for the
    // examples it did not review; otherwise every finding, keeping the reasons already reviewed.
    private static int Propose(string spec, string specText, string file, string? source, TextWriter output)
    {
        var report = new ExampleValidator(SpecDocument.Load(spec), new ExampleValidationOptions()).ValidateAll();
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, ReviewedFolder);
        var reviewed = source == null ? null : ExampleAllowanceFile.FindReviewed(folder, File.ReadAllText(source));
        var proposal = reviewed is { } found
            ? ExampleAllowanceFile.FromReviewed(specText, report, found.File)
            : ExampleAllowanceFile.Propose(specText, report, File.Exists(file) ? ExampleAllowanceFile.Load(file).Allowances : Array.Empty<ExampleAllowance>());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, proposal.ToJson());
        if (reviewed is { } used)
        {
            var left = report.Results.SelectMany(r => r.Findings.Where(f => !f.Repaired && !proposal.Allowances.Any(a => a.Matches(r.Part, f))).Select(f => $"{r.Part.Name}: {f}")).ToList();
            var outside = proposal.Allowances.Count(a => a.Reason.StartsWith(ExampleAllowanceFile.ProposedReason, StringComparison.Ordinal));
            output.WriteLine($"{file}: {proposal.Allowances.Count - outside} reviewed allowance(s) from {used.Path} for {report.Results.Count} example parts of {spec}, " +
                             $"{outside} new (not reviewed yet) for examples outside what it reviewed; {left.Count} finding(s) it does not cover fail until reviewed there");
            foreach (var line in left)
            {
                output.WriteLine("  not reviewed: " + line);
            }

            return 0;
        }

        var unreviewed = proposal.Allowances.Count(a => a.Reason.StartsWith(ExampleAllowanceFile.ProposedReason, StringComparison.Ordinal));
        var origin = source == null ? string.Empty : $" ({folder} has none for {source}, {ExampleAllowanceFile.DigestOf(File.ReadAllText(source))})";
        output.WriteLine($"{file}: {proposal.Allowances.Count} allowance(s) for {report.Results.Count} example parts of {spec}, {unreviewed} new (not reviewed yet){origin}; review its diff");
        return 0;
    }

    private static void WriteTable(ExampleReport report, TextWriter output)
    {
        var rows = new List<string[]> { new[] { "operation", "title", "part", "schema-valid", "DTO round-trip", "defects" } };
        rows.AddRange(report.Results.Select(r => new[]
        {
            r.Part.Example.Operation,
            r.Part.Example.Title,
            r.Part.Kind.ToString().ToLowerInvariant(),
            Word(r.Schema),
            Word(r.RoundTrip),
            string.Join(", ", r.Defects.GroupBy(d => d.Code).Select(g => g.Count() > 1 ? $"{g.Key} x{g.Count()}" : g.Key)),
        }));

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(row => row[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static void WriteFindings(ExampleReport report, TextWriter output)
    {
        foreach (var result in report.Results.Where(r => r.Findings.Count > 0))
        {
            output.WriteLine();
            output.WriteLine(result);
        }

        foreach (var allowance in report.UnusedAllowances)
        {
            output.WriteLine();
            output.WriteLine($"FAIL unused allowance (the finding is gone: remove it): {allowance}");
        }

        output.WriteLine();
    }

    private static string Word(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "yes",
        CheckOutcome.Allowed => "allowed",
        CheckOutcome.Failed => "NO",
        _ => "not run",
    };

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Task<int> UsageError(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine("usage: openai-gen " + new ValidateExamplesCommand().Usage);
        return Task.FromResult(2);
    }
}
