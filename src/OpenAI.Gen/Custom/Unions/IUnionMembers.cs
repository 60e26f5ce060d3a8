namespace OpenAI.Gen;

/// <summary>
/// What a union's converter writes, for <see cref="Utf8FastWriter"/>: the member value as it stands (a JSON token when
/// no member matched), and whether it is written as an array of its items.
/// </summary>
internal interface IUnionMembers
{
    /// <summary>The member value of <paramref name="union"/>; <paramref name="isArray"/> tells whether it is an array member.</summary>
    object MemberOf(object union, out bool isArray);
}
