using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// How answers and stream chunks are read: what servers send, where the spec is stricter than the wire. A required member
/// may be absent or null (every chunk but a choice's last sends <c>finish_reason: null</c>; LocalAI sends
/// <c>"finish_reason": ""</c>; compatible servers leave out members the spec requires), and a null where a number or
/// boolean cannot be null leaves the member at its default. Only malformed JSON or a value of the wrong JSON kind fails,
/// with its path. What was read is written back exactly: an object read starts with no member set, so a required member
/// the server left out stays out, and every member read is set through its setter (never filled in place), which marks
/// it set. Requests are written with the strict contracts (<see cref="OpenAIContractResolver"/>).
/// </summary>
internal sealed class LenientContractResolver : OpenAIContractResolver
{
    /// <summary>One instance per process, so contracts are built once and shared by every client.</summary>
    public static new readonly LenientContractResolver Instance = new();

    private LenientContractResolver()
    {
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        property.Required = Required.Default;
        if (property.PropertyType is { IsValueType: true } type && Nullable.GetUnderlyingType(type) == null)
        {
            property.NullValueHandling = NullValueHandling.Ignore;
        }

        // A required collection starts as an empty list, which Newtonsoft would fill in place without the setter; a new
        // one set through the setter marks the member set, as the fast path does.
        property.ObjectCreationHandling = ObjectCreationHandling.Replace;
        return property;
    }

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (contract.DefaultCreator != null && !contract.DefaultCreatorNonPublic && !objectType.IsValueType)
        {
            var flags = new List<FieldInfo>();
            foreach (var property in contract.Properties)
            {
                if (property.GetIsSpecified != null && SpecifiedFlag(property) is { } flag)
                {
                    flags.Add(flag);
                }
            }

            if (flags.Count > 0)
            {
                contract.DefaultCreator = Unset(objectType, flags);
            }
        }

        return contract;
    }

    // new T() with every "was this member set" flag cleared (a required member's starts set, for what users build).
    private static Func<object> Unset(Type type, List<FieldInfo> flags)
    {
        var created = Expression.Variable(type, "created");
        var body = new List<Expression> { Expression.Assign(created, Expression.New(type)) };
        foreach (var flag in flags)
        {
            body.Add(Expression.Assign(Expression.Field(created, flag), Expression.Constant(false)));
        }

        body.Add(Expression.Convert(created, typeof(object)));
        return Expression.Lambda<Func<object>>(Expression.Block(new[] { created }, body)).Compile();
    }
}
