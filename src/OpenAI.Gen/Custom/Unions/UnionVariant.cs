using System.Collections.Generic;

namespace OpenAI.Gen;

/// <summary>
/// One member of a generated union: its shape and, for one of several object members, how an object is told to be
/// this one: the value of the property the members share with one value each (<c>"type": "function"</c>), or else the
/// members it requires.
/// </summary>
internal sealed class UnionVariant
{
    /// <summary>A member told apart from the others by its JSON token alone.</summary>
    public UnionVariant(UnionShape shape)
        : this(shape, null, System.Array.Empty<string>())
    {
    }

    /// <summary>An object member told apart from the others by <paramref name="tagValue"/> or <paramref name="required"/>.</summary>
    public UnionVariant(UnionShape shape, string? tagValue, IReadOnlyList<string> required)
    {
        Shape = shape;
        TagValue = tagValue;
        Required = required;
    }

    /// <summary>The JSON shape.</summary>
    public UnionShape Shape { get; }

    /// <summary>The value of the layout's tag property that makes an object this member, or null.</summary>
    public string? TagValue { get; }

    /// <summary>The properties an object of this member always has.</summary>
    public IReadOnlyList<string> Required { get; }
}
