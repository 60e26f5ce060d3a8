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
/// way a public API baseline is rewritten: the reviewer reads the diff. A reviewed file of an upstream spec also says
/// what was reviewed (<see cref="Reviewed"/>), so a wider cut of that spec is judged by it only where it was reviewed.
/// </summary>
public sealed class ExampleAllowanceFile
{
    /// <summary>The reason a proposed allowance carries until someone writes the real one.</summary>
    public const string ProposedReason = "Proposed for this spec, not reviewed yet: ";

    /// <summary>Creates the file's content.</summary>
    public ExampleAllowanceFile(string? specDigest, IReadOnlyList<ExampleAllowance> allowances, IReadOnlyList<string>? reviewed = null)
    {
        SpecDigest = specDigest;
        Allowances = allowances ?? throw new ArgumentNullException(nameof(allowances));
        Reviewed = reviewed;
    }

    /// <summary>The digest of the spec the allowances were reviewed for (see <see cref="DigestOf"/>), or null for a plain list.</summary>
    public string? SpecDigest { get; }

    /// <summary>The allowances.</summary>
    public IReadOnlyList<ExampleAllowance> Allowances { get; }

    /// <summary>
    /// What a reviewed file of an upstream spec reviewed (<c>"reviewed"</c>): the owners of the examples whose findings
    /// it judged, by <see cref="SpecExample.Operation"/> (an operationId, or a schema name for an object example); null
    /// when the file does not say. Findings of other examples were not looked at, so it neither allows nor refuses them.
    /// </summary>
    public IReadOnlyList<string>? Reviewed { get; }

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
            return new ExampleAllowanceFile((string)spec!, ExampleAllowance.FromArray(list, sourceName), ReadReviewed(tied["reviewed"], sourceName));
        }

        throw new InvalidDataException($"{sourceName}: expected {{\"spec\": \"sha256:…\", \"allowances\": [...]}} or a JSON array of allowances");
    }

    /// <summary>
    /// The allowances for the spec with text <paramref name="specText"/>, from <paramref name="report"/> (a validation
    /// without allowances): one per part, code and path of a finding that is not repaired, keeping the reason of a
    /// matching allowance in <paramref name="reviewed"/> and proposing one (<see cref="ProposedReason"/> and the finding) otherwise.
    /// </summary>
    public static ExampleAllowanceFile Propose(string specText, ExampleReport report, IEnumerable<ExampleAllowance> reviewed) =>
        Write(specText, report, reviewed, _ => true);

    /// <summary>
    /// The allowances for the spec with text <paramref name="specText"/> from <paramref name="report"/> (a validation
    /// without allowances) and <paramref name="reviewed"/> (a reviewed file of the upstream spec it was cut from): a
    /// finding of an example the file reviewed (<see cref="Reviewed"/>) is allowed with its reason, or gets none when the
    /// file does not cover it, so it fails until someone reviews it there; a finding of an example outside what the file
    /// reviewed is proposed (<see cref="ProposedReason"/>), as for a spec without a reviewed file.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="reviewed"/> does not say what it reviewed.</exception>
    public static ExampleAllowanceFile FromReviewed(string specText, ExampleReport report, ExampleAllowanceFile reviewed)
    {
        var scope = new HashSet<string>((reviewed ?? throw new ArgumentNullException(nameof(reviewed))).Reviewed ?? throw new ArgumentException("the reviewed file does not say what it reviewed (\"reviewed\")", nameof(reviewed)), StringComparer.Ordinal);
        return Write(specText, report, reviewed.Allowances, part => !scope.Contains(part.Example.Operation));
    }

    /// <summary>
    /// The file in <paramref name="folder"/> (<c>*.json</c>, object form) reviewed for the upstream spec with text
    /// <paramref name="sourceText"/>, by the digest it names, with its path; null when none is. A reviewed file must
    /// hold reviewed reasons only.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// A file is malformed, or the matching one does not say what it reviewed, holds an allowance outside it, or still holds a proposed reason.
    /// </exception>
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

            if (file.Reviewed == null)
            {
                throw new InvalidDataException($"{path}: a reviewed file must say what it reviewed: add \"reviewed\": [the operationIds, and schema names of object examples, whose findings it judged]");
            }

            var outside = file.Allowances.FirstOrDefault(a => !file.Reviewed.Contains(a.Example.Split(new[] { " / " }, 2, StringSplitOptions.None)[0], StringComparer.Ordinal));
            if (outside != null)
            {
                throw new InvalidDataException($"{path}: an allowance of an example outside what the file reviewed ({outside}); add its operation to \"reviewed\"");
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

    private static IReadOnlyList<string>? ReadReviewed(JToken? token, string sourceName)
    {
        if (token == null)
        {
            return null;
        }

        if (token is JArray items && items.All(i => i is JValue { Type: JTokenType.String } v && !string.IsNullOrWhiteSpace((string?)v)))
        {
            return items.Select(i => (string)i!).ToList();
        }

        throw new InvalidDataException($"{sourceName}: \"reviewed\" must be an array of operationIds and schema names");
    }

    // proposeFor: whether a finding no reviewed allowance covers gets a proposed one (else none, so it fails).
    private static ExampleAllowanceFile Write(string specText, ExampleReport report, IEnumerable<ExampleAllowance> reviewed, Func<ExamplePart, bool> proposeFor)
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

                var reason = known.FirstOrDefault(a => a.Matches(result.Part, finding))?.Reason ?? (proposeFor(result.Part) ? ProposedReason + finding.Message : null);
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
        };
        if (Reviewed != null)
        {
            json["reviewed"] = new JArray(Reviewed);
        }

        json["allowances"] = new JArray(Allowances.Select(a => a.ToJson()));
        return json.ToString(Formatting.Indented) + "\n";
    }
}
