using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>
/// The allowances reviewed for one spec: <c>{"spec": "sha256:…", "allowances": [...]}</c>. The digest of the spec's text
/// ties them to the spec they were reviewed for, whatever its <c>info.version</c> says; a plain array of allowances
/// (a list of one's own) is tied to no spec. <see cref="Propose"/> writes a new spec's list from its findings, the
/// way a public API baseline is rewritten: the reviewer reads the diff.
/// </summary>
public sealed class ExampleAllowanceFile
{
    /// <summary>The reason a proposed allowance carries until someone writes the real one.</summary>
    public const string ProposedReason = "Proposed for this spec, not reviewed yet: ";

    /// <summary>Creates the file's content.</summary>
    public ExampleAllowanceFile(string? specDigest, IReadOnlyList<ExampleAllowance> allowances)
    {
        SpecDigest = specDigest;
        Allowances = allowances ?? throw new ArgumentNullException(nameof(allowances));
    }

    /// <summary>The digest of the spec the allowances were reviewed for (see <see cref="DigestOf"/>), or null for a plain list.</summary>
    public string? SpecDigest { get; }

    /// <summary>The allowances.</summary>
    public IReadOnlyList<ExampleAllowance> Allowances { get; }

    /// <summary>The digest of a spec's text (<c>sha256:</c> and hex; line breaks count as <c>\n</c>).</summary>
    public static string DigestOf(string specText)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes((specText ?? throw new ArgumentNullException(nameof(specText))).Replace("\r\n", "\n")));
        return "sha256:" + string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Whether the allowances may apply to a spec with text <paramref name="specText"/>: a plain list always, a tied list only to its spec.</summary>
    public bool AppliesTo(string specText) => SpecDigest == null || SpecDigest == DigestOf(specText);

    /// <summary>Reads <paramref name="path"/>: the object form or a plain array of allowances.</summary>
    /// <exception cref="InvalidDataException">The file is missing or malformed; the message names the file and entry.</exception>
    public static ExampleAllowanceFile Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: cannot read the allowances: {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Reads the object form or a plain array; <paramref name="sourceName"/> names the text in errors.</summary>
    /// <exception cref="InvalidDataException">Not JSON, or not of either form.</exception>
    public static ExampleAllowanceFile Parse(string json, string sourceName)
    {
        JToken root;
        try
        {
            root = LenientJson.ParseStrict(json);
        }
        catch (JsonReaderException e)
        {
            throw new InvalidDataException($"{sourceName}: not JSON: {e.Message}", e);
        }

        if (root is JArray plain)
        {
            return new ExampleAllowanceFile(null, ExampleAllowance.FromArray(plain, sourceName));
        }

        if (root is JObject { } tied && tied["spec"] is JValue { Type: JTokenType.String } spec && tied["allowances"] is JArray list)
        {
            return new ExampleAllowanceFile((string)spec!, ExampleAllowance.FromArray(list, sourceName));
        }

        throw new InvalidDataException($"{sourceName}: expected {{\"spec\": \"sha256:…\", \"allowances\": [...]}} or a JSON array of allowances");
    }

    /// <summary>
    /// The allowances for the spec with text <paramref name="specText"/>, from <paramref name="report"/> (a validation
    /// without allowances): one per part, code and path of a finding that is not repaired, keeping the reason of a
    /// matching allowance in <paramref name="reviewed"/> and proposing one (<see cref="ProposedReason"/> and the finding) otherwise.
    /// </summary>
    public static ExampleAllowanceFile Propose(string specText, ExampleReport report, IEnumerable<ExampleAllowance> reviewed) =>
        Write(specText, report, reviewed, proposeNew: true);

    /// <summary>
    /// The allowances for the spec with text <paramref name="specText"/> that <paramref name="reviewed"/> (a reviewed
    /// file of the upstream spec it was cut from) gives a reason for, from <paramref name="report"/> (a validation without
    /// allowances); a finding it does not cover gets none, so it fails until someone reviews it into that file.
    /// </summary>
    public static ExampleAllowanceFile FromReviewed(string specText, ExampleReport report, IEnumerable<ExampleAllowance> reviewed) =>
        Write(specText, report, reviewed, proposeNew: false);

    /// <summary>
    /// The file in <paramref name="folder"/> (<c>*.json</c>, object form) reviewed for the upstream spec with text
    /// <paramref name="sourceText"/>, by the digest it names, with its path; null when none is. A reviewed file must
    /// hold reviewed reasons only.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is malformed, or the matching one still holds a proposed reason.</exception>
    public static (string Path, ExampleAllowanceFile File)? FindReviewed(string folder, string sourceText)
    {
        if (!Directory.Exists(folder ?? throw new ArgumentNullException(nameof(folder))))
        {
            return null;
        }

        var digest = DigestOf(sourceText);
        foreach (var path in Directory.GetFiles(folder, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var file = Load(path);
            if (file.SpecDigest != digest)
            {
                continue;
            }

            var proposed = file.Allowances.FirstOrDefault(a => a.Reason.StartsWith(ProposedReason, StringComparison.Ordinal));
            if (proposed != null)
            {
                throw new InvalidDataException($"{path}: a reviewed file holds a proposed reason ({proposed}); write the real one");
            }

            return (path, file);
        }

        return null;
    }

    private static ExampleAllowanceFile Write(string specText, ExampleReport report, IEnumerable<ExampleAllowance> reviewed, bool proposeNew)
    {
        var known = (reviewed ?? throw new ArgumentNullException(nameof(reviewed))).ToList();
        var proposed = new List<ExampleAllowance>();
        foreach (var result in (report ?? throw new ArgumentNullException(nameof(report))).Results)
        {
            foreach (var finding in result.Findings.Where(f => !f.Repaired))
            {
                if (proposed.Any(a => a.Matches(result.Part, finding)))
                {
                    continue;
                }

                var reason = known.FirstOrDefault(a => a.Matches(result.Part, finding))?.Reason ?? (proposeNew ? ProposedReason + finding.Message : null);
                if (reason == null)
                {
                    continue;
                }

                proposed.Add(new ExampleAllowance(result.Part.Name, finding.Code, finding.Path, reason, finding.Category, $"{Path.GetFileName(finding.Location.SourceName)}:{finding.Location.Line}"));
            }
        }

        return new ExampleAllowanceFile(DigestOf(specText), proposed);
    }

    /// <summary>The file's text (indented JSON, object form).</summary>
    public string ToJson()
    {
        var json = new JObject
        {
            ["spec"] = SpecDigest,
            ["allowances"] = new JArray(Allowances.Select(a => a.ToJson())),
        };
        return json.ToString(Formatting.Indented) + "\n";
    }
}
