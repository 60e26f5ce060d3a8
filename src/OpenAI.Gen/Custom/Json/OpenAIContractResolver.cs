using System;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// The client's contract resolver: Newtonsoft's own, except that the generated <c>XSpecified</c> flag (the "was this
/// member set" check of every optional member, a private field Newtonsoft finds by name) is read through a typed
/// delegate: Newtonsoft's reflection-built read returns the bool boxed, one allocation per optional member per object
/// written, which was a fifth of the bytes of writing a request. Which members are written does not change.
/// </summary>
internal class OpenAIContractResolver : DefaultContractResolver
{
    /// <summary>One instance per process, so contracts are built once and shared by every client.</summary>
    public static readonly OpenAIContractResolver Instance = new();

    private const string SpecifiedSuffix = "Specified";

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.GetIsSpecified != null && SpecifiedFlag(property) is { } flag)
        {
            property.GetIsSpecified = Predicate(flag);

            // The generated setter marks the member set already; Newtonsoft's second, boxed write of the flag adds nothing.
            property.SetIsSpecified = null;
        }

        return property;
    }

    /// <summary>
    /// Newtonsoft counts an empty string as "null" for a required member whose type is not <see cref="string"/>, and
    /// rejects <c>"content": ""</c> after a generated union's converter has read it as empty text. Only that error is
    /// dismissed: a real null (the member still null) fails as before.
    /// </summary>
    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        var unions = contract.Properties.Where(p => p.Required == Required.Always && IsGeneratedUnion(p.PropertyType)).ToList();
        if (unions.Count > 0)
        {
            contract.OnErrorCallbacks.Add((target, _, error) =>
            {
                if (ReferenceEquals(error.OriginalObject, target) && unions.FirstOrDefault(p => p.PropertyName == error.Member as string) is { } property
                    && property.ValueProvider?.GetValue(target) is { } value && JsonConvert.SerializeObject(value) == "\"\"")
                {
                    error.Handled = true;
                }
            });
        }

        return contract;
    }

    /// <summary>The generated "was this member set" flag of <paramref name="property"/>: a bool field named after it, or null.</summary>
    protected static FieldInfo? SpecifiedFlag(JsonProperty property) =>
        property.DeclaringType is { IsValueType: false } owner
        && property.UnderlyingName is { } name
        && owner.GetField(name + SpecifiedSuffix, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) is { } flag
        && flag.FieldType == typeof(bool)
            ? flag
            : null;

    private static bool IsGeneratedUnion(Type? type)
    {
        for (var converter = type?.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType; converter != null; converter = converter.BaseType)
        {
            if (converter.IsGenericType && converter.GetGenericTypeDefinition() == typeof(UnionConverter<>))
            {
                return true;
            }
        }

        return false;
    }

    // One compiled delegate reading the flag of an object of the flag's class: checked for every member of every object written.
    private static Predicate<object> Predicate(FieldInfo flag)
    {
        var target = Expression.Parameter(typeof(object), "target");
        return Expression.Lambda<Predicate<object>>(Expression.Field(Expression.Convert(target, flag.DeclaringType!), flag), target).Compile();
    }
}
