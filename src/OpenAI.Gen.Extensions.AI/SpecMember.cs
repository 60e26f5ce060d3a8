using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>
/// A response member that one spec types and another does not (e.g. <c>refusal</c>, or <c>usage</c> on a chunk, typed
/// since 2024-08): read from the typed property when the client was generated with one, else from the DTO's
/// <c>AdditionalProperties</c>. The adapter so keeps the member whichever spec the client was regenerated from,
/// without compiling against a property a spec change adds or removes.
/// </summary>
/// <typeparam name="T">The generated DTO.</typeparam>
internal sealed class SpecMember<T>
{
    private readonly string _name;

    // Looked up once: the property that carries the JSON name, or null when the spec leaves the member untyped.
    private readonly PropertyInfo? _typed;

    /// <summary>The member with JSON name <paramref name="name"/> of <typeparamref name="T"/>.</summary>
    public SpecMember(string name)
    {
        _name = name;
        _typed = typeof(T).GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName == name);
    }

    /// <summary>The member's value (a typed value, or what Newtonsoft kept for an unknown member), null when absent.</summary>
    public object? Read(T dto, IDictionary<string, object> additionalProperties) =>
        _typed != null ? _typed.GetValue(dto) : additionalProperties.TryGetValue(_name, out var value) ? value : null;
}
