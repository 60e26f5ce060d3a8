using System;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// The client's contract resolver: Newtonsoft's own, except that a generated <c>ShouldSerializeX()</c> (the "was this
/// member set" check of every optional member) is called through a typed delegate. Newtonsoft's reflection-built
/// call returns the bool boxed, one allocation per optional member per object written, which was a fifth of the
/// bytes of writing a request. Which members are written does not change.
/// </summary>
internal class OpenAIContractResolver : DefaultContractResolver
{
    /// <summary>One instance per process, so contracts are built once and shared by every client.</summary>
    public static readonly OpenAIContractResolver Instance = new();

    private static readonly MethodInfo TypedPredicateMethod = typeof(OpenAIContractResolver).GetMethod(nameof(TypedPredicate), BindingFlags.NonPublic | BindingFlags.Static)!;

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.ShouldSerialize != null && member.DeclaringType is { IsValueType: false } owner
            && owner.GetMethod("ShouldSerialize" + member.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, Type.EmptyTypes, null) is { ReturnType: var returns } method
            && returns == typeof(bool))
        {
            property.ShouldSerialize = (Predicate<object>)TypedPredicateMethod.MakeGenericMethod(owner).Invoke(null, new object[] { method })!;
        }

        return property;
    }

    private static Predicate<object> TypedPredicate<TOwner>(MethodInfo method)
    {
        var call = (Func<TOwner, bool>)Delegate.CreateDelegate(typeof(Func<TOwner, bool>), method);
        return target => call((TOwner)target);
    }
}
