using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAI.Gen;

/// <summary>
/// What <see cref="UnionConverter{TUnion}"/> knows of a generated union: its members in spec order, how to build the
/// union from a member's value, and how to take it apart again. The member index -1 is an object no member matched,
/// kept as JSON.
/// </summary>
internal sealed class UnionLayout<TUnion>
    where TUnion : class
{
    /// <summary>Creates the layout.</summary>
    /// <param name="member">The JSON member the union stands for, for errors ("stop").</param>
    /// <param name="tagProperty">The property whose value tells the object members apart, or null.</param>
    /// <param name="create">Builds the union from a member index and its value.</param>
    /// <param name="index">The member index of a union.</param>
    /// <param name="value">The value of a union.</param>
    /// <param name="variants">The members.</param>
    public UnionLayout(string member, string? tagProperty, Func<int, object, TUnion> create, Func<TUnion, int> index, Func<TUnion, object> value, params UnionVariant[] variants)
    {
        Member = member;
        TagProperty = tagProperty;
        Create = create;
        Index = index;
        Value = value;
        Variants = variants;
        Expected = Join(variants.Select(v => v.Shape.Description).Distinct().ToList()) + " for '" + member + "'";
    }

    /// <summary>The JSON member the union stands for.</summary>
    public string Member { get; }

    /// <summary>The property whose value tells the object members apart, or null.</summary>
    public string? TagProperty { get; }

    /// <summary>Builds the union from a member index and its value.</summary>
    public Func<int, object, TUnion> Create { get; }

    /// <summary>The member index of a union.</summary>
    public Func<TUnion, int> Index { get; }

    /// <summary>The value of a union.</summary>
    public Func<TUnion, object> Value { get; }

    /// <summary>The members in spec order.</summary>
    public IReadOnlyList<UnionVariant> Variants { get; }

    /// <summary>What a value must be, for errors ("a string or an array of strings for 'stop'").</summary>
    public string Expected { get; }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[items.Count - 1];
}
