using System.Linq;
using System.Reflection;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>The tags a generated tagged union knows, read from its attributes, so messages are checked against the spec in use.</summary>
internal static class UnionTags
{
    /// <summary>The known tags of <typeparamref name="TBase"/> in declaration order, as error messages list them.</summary>
    public static string Of<TBase>() =>
        string.Join(", ", typeof(TBase).GetCustomAttributes<JsonInheritanceAttribute>().Where(a => a.Key != "*").Select(a => a.Key));
}
