using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace OpenAI.Gen;

/// <summary>
/// The parsers of the generated open enums, one per type for the whole process: every generated <see cref="ExtensibleEnum"/>
/// has a static <c>Parse(string)</c> that returns the shared instance of a known value. The converter and the fast
/// path both read enums through here.
/// </summary>
internal static class EnumParsers
{
    private static readonly ConcurrentDictionary<Type, Func<string, ExtensibleEnum>?> Parsers = new();

    /// <summary>The parser of <paramref name="type"/>, or null when it has no static <c>Parse(string)</c> returning it.</summary>
    internal static Func<string, ExtensibleEnum>? For(Type type) =>
        Parsers.TryGetValue(type, out var parser) ? parser : Parsers.GetOrAdd(type, Create(type));

    private static Func<string, ExtensibleEnum>? Create(Type type)
    {
        var parse = type.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);

        // A bound delegate, not MethodInfo.Invoke: no argument array and no reflection per value read.
        return parse == null || parse.ReturnType != type || !typeof(ExtensibleEnum).IsAssignableFrom(type)
            ? null
            : (Func<string, ExtensibleEnum>)Delegate.CreateDelegate(typeof(Func<string, ExtensibleEnum>), parse);
    }
}
