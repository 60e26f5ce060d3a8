using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Cli.Commands;

/// <summary>
/// <c>conformance --base-url URL [--api-key K] [--model M] [--spec FILE] [--json OUT] [--only OPERATION] [--timeout S] [--allow FILE]</c>:
/// sends the spec's examples and probes to a server (<see cref="ConformanceRunner"/>), prints one line per check and
/// the totals, and exits 1 when a check FAILs.
/// </summary>
public sealed class ConformanceCommand : ICliCommand
{
    /// <inheritdoc />
    public string Name => "conformance";

    /// <inheritdoc />
    public string Usage =>
        "conformance --base-url URL [--api-key K] [--model M] [--spec FILE] [--json OUT] [--only OPERATION] [--timeout S] [--allow FILE]\n" +
        "    sends the spec's x-oaiMeta examples and probes to the server and says where its answers depart from the spec\n" +
        "    (PASS / DEPARTS / FAIL per check; exit 1 when one FAILs); spec: default the one this client was built from;\n" +
        $"    allow: the spec's known example findings (default {ValidateExamplesCommand.DefaultAllowancesFile} beside --spec)";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? baseUrl = null, apiKey = null, model = null, spec = null, json = null, only = null, timeout = null, allow = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return UsageError(error, $"unexpected argument '{args[i]}'");
            }

            if (i + 1 >= args.Length)
            {
                return UsageError(error, $"{args[i]} needs a value");
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--base-url": baseUrl = value; break;
                case "--api-key": apiKey = value; break;
                case "--model": model = value; break;
                case "--spec": spec = value; break;
                case "--json": json = value; break;
                case "--only": only = value; break;
                case "--timeout": timeout = value; break;
                case "--allow": allow = value; break;
                default: return UsageError(error, $"unknown option '{args[i - 1]}'");
            }
        }

        if (baseUrl == null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return UsageError(error, baseUrl == null ? "--base-url is required" : $"--base-url needs an absolute http(s) URL, got '{baseUrl}'");
        }

        var options = new ConformanceOptions(url) { ApiKey = apiKey, Model = model, Only = only };
        if (timeout != null)
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            {
                return UsageError(error, $"--timeout needs a positive number of seconds, got '{timeout}'");
            }

            options.Timeout = TimeSpan.FromSeconds(seconds);
        }

        try
        {
            if (spec != null)
            {
                options.Spec = SpecDocument.Load(spec);
                allow ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(spec))!, ValidateExamplesCommand.DefaultAllowancesFile) is var beside && File.Exists(beside) ? beside : null;
            }

            if (allow != null)
            {
                var file = ExampleAllowanceFile.Load(allow);
                var specText = spec != null ? File.ReadAllText(spec) : EmbeddedSpecText();
                if (!file.AppliesTo(specText))
                {
                    error.WriteLine($"{allow}: these allowances were reviewed for another spec ({file.SpecDigest}, this one is {ExampleAllowanceFile.DigestOf(specText)})");
                    return 2;
                }

                foreach (var allowance in file.Allowances)
                {
                    options.Validation.Allowances.Add(allowance);
                }
            }
        }
        catch (Exception e) when (e is SpecLoadException or InvalidDataException or IOException)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        output.WriteLine("conformance of " + options);
        var report = await new ConformanceRunner(options).RunAsync(
            check => check.WriteText(output),
            cancellationToken).ConfigureAwait(false);
        if (report.Checks.Count == 0)
        {
            error.WriteLine(only == null ? $"{options.Spec.SourceName} has no operation with request examples" : $"no operation '{only}' with request examples in {options.Spec.SourceName}");
            return 2;
        }

        if (json != null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
            File.WriteAllText(json, report.ToString());
            output.WriteLine($"report written to {json}");
        }

        output.WriteLine(report.Summary);
        return report.Succeeded ? 0 : 1;
    }

    private static string EmbeddedSpecText()
    {
        using var stream = typeof(SpecDocument).Assembly.GetManifestResourceStream(SpecDocument.EmbeddedResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int UsageError(TextWriter error, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine("usage: openai-gen conformance --base-url URL [--api-key K] [--model M] [--spec FILE] [--json OUT] [--only OPERATION] [--timeout S] [--allow FILE]");
        return 2;
    }
}
