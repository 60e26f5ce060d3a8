using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace OpenAI.Gen.Testing;

/// <summary>One NJsonSchema validation error, flattened and worded for people.</summary>
internal sealed class SchemaError
{
    private SchemaError(string code, string path, string message, int line, int column)
    {
        Code = code;
        Path = path;
        Message = message;
        Line = line;
        Column = column;
    }

    /// <summary>The NJsonSchema error kind, e.g. <c>StringExpected</c>.</summary>
    public string Code { get; }

    /// <summary>JSON path, e.g. <c>#/choices[0].finish_reason</c>.</summary>
    public string Path { get; }

    public string Message { get; }

    /// <summary>1-based line in the validated text, or 0 when unknown.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>
    /// The errors of <paramref name="errors"/>; item and member wrappers are replaced by what they wrap, and so is an
    /// <c>allOf</c> failure (every branch must hold, so each branch's errors are the errors, with their own paths). A
    /// <c>oneOf</c>/<c>anyOf</c> failure is replaced by the errors of the one branch the value selects, when every other
    /// branch is ruled out by the value itself (see <see cref="Selected"/>): "required member 'x' is missing" instead
    /// of "matches no branch".
    /// </summary>
    public static List<SchemaError> From(IEnumerable<ValidationError> errors)
    {
        var result = new List<SchemaError>();
        foreach (var error in errors)
        {
            Add(error, result);
        }

        // A value of the wrong kind (null where an object is wanted) has no members: NJsonSchema still checks the object's
        // required members against it, and "required member 'x' is missing" under "expected object, found null" says
        // nothing more, so errors inside a value of the wrong kind are dropped.
        var wrongKind = result.Where(e => IsKindMismatch(e.Code)).Select(e => e.Path).ToList();
        result.RemoveAll(e => wrongKind.Any(place => IsInside(e.Path, place)));
        return result;
    }

    private static bool IsKindMismatch(string code) => code.EndsWith("Expected", System.StringComparison.Ordinal);

    private static bool IsInside(string path, string place) =>
        path.Length > place.Length && path.StartsWith(place, System.StringComparison.Ordinal)
        && (place.EndsWith("/", System.StringComparison.Ordinal) || path[place.Length] is '.' or '[');

    private static void Add(ValidationError error, List<SchemaError> into)
    {
        if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotAllOf)
        {
            foreach (var inner in child.Errors.Values.SelectMany(e => e))
            {
                Add(inner, into);
            }

            return;
        }

        if (error is ChildSchemaValidationError union && error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf
            && Selected(union) is { } branch)
        {
            into.AddRange(branch);
            return;
        }

        into.Add(new SchemaError(error.Kind.ToString(), error.Path ?? "#", Describe(error), error.HasLineInfo ? error.LineNumber : 0, error.HasLineInfo ? error.LinePosition : 0));
    }

    /// <summary>
    /// The errors of the branch of a failed union the value selects, or null when the value does not select one. A
    /// branch is ruled out by the value when it wants another JSON kind at the union's own place (a string branch for an
    /// array) or does not allow the value of one of its direct members (a tag: <c>type: "message"</c> against
    /// <c>enum: [function_call]</c>); when exactly one branch is left and it has errors, those are the value's errors.
    /// Several branches left (a tag value two variants share) or none keep the union's own error.
    /// </summary>
    private static List<SchemaError>? Selected(ChildSchemaValidationError union)
    {
        var place = union.Path ?? "#";
        var memberPrefix = place.EndsWith("/", System.StringComparison.Ordinal) ? place : place + ".";
        bool RulesOut(SchemaError e) =>
            (e.Path == place && IsKindMismatch(e.Code))
            || (e.Code == nameof(ValidationErrorKind.NotInEnumeration) && e.Path.StartsWith(memberPrefix, System.StringComparison.Ordinal)
                && e.Path.Substring(memberPrefix.Length).IndexOfAny(new[] { '.', '[', '/' }) < 0);

        var left = union.Errors.Values.Select(From).Where(branch => !branch.Any(RulesOut)).ToList();
        return left.Count == 1 && left[0].Count > 0 ? left[0] : null;
    }

    private static string Describe(ValidationError error)
    {
        var found = Show(error.Token);
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                return $"required member '{error.Property}' is missing";
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                return $"member '{error.Property}' is not allowed by the schema";
            case ValidationErrorKind.NotInEnumeration:
                var values = error.Schema?.Enumeration.Select(v => v?.ToString() ?? "null").ToList();
                return values is { Count: > 0 } ? $"{found} is not one of {string.Join(", ", values)}" : $"{found} is not one of the schema's values";
            case ValidationErrorKind.NotOneOf when error is ChildSchemaValidationError child
                && child.Errors.Values.Select((branch, i) => (branch, i)).Where(b => b.branch.Count == 0).Select(b => b.i + 1).ToList() is { Count: > 1 } matched:
                return $"{found} matches {matched.Count} branches of oneOf (branches {string.Join(", ", matched)}), not exactly one";
            case ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf when error is ChildSchemaValidationError child:
                var branches = child.Errors.Select((branch, i) =>
                    $"branch {i + 1}: " + string.Join(", ", From(branch.Value).Take(3).Select(e => $"{e.Code} {e.Path}")));
                var word = error.Kind == ValidationErrorKind.NotOneOf ? "exactly one branch of oneOf" : "a branch of anyOf";
                return $"{found} does not match {word} ({string.Join("; ", branches)})";
            default:
                var kind = error.Kind.ToString();
                return kind.EndsWith("Expected", System.StringComparison.Ordinal)
                    ? $"expected {kind.Substring(0, kind.Length - "Expected".Length).ToLowerInvariant()}, found {found}"
                    : $"{kind}: {found}";
        }
    }

    private static string Show(JToken? token)
    {
        if (token == null)
        {
            return "the value";
        }

        var text = token.ToString(Formatting.None);
        return text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
