using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace OpenAI.Gen;

/// <summary>Checks and copies the values the factories of generated unions are given.</summary>
internal static class UnionValues
{
    /// <summary>A read-only copy of <paramref name="items"/>; none of them may be null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its items is null.</exception>
    public static IReadOnlyList<T> List<T>(IEnumerable<T> items, string parameter)
    {
        var list = (items ?? throw new ArgumentNullException(parameter)).ToList();
        if (list.Any(item => item == null))
        {
            throw new ArgumentNullException(parameter, "An item is null.");
        }

        return new ReadOnlyCollection<T>(list);
    }
}
