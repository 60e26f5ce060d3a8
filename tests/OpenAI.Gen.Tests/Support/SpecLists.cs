using System.Collections.Generic;
using System.Linq;

namespace OpenAI.Gen.Tests.Support;

/// <summary>Lists for members whose element type depends on the spec (a specific DTO, or a union it belongs to).</summary>
public static class SpecLists
{
    /// <summary>
    /// A list of <paramref name="items"/> of the element type of <paramref name="property"/> (inferred from it):
    /// e.g. <c>request.Tools = SpecLists.Like(request.Tools, tool)</c> compiles whether the spec types tools as
    /// function tools or as a union of tool kinds.
    /// </summary>
    public static List<TItem> Like<TItem>(IList<TItem>? property, params object[] items) => items.Cast<TItem>().ToList();
}
