using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>One member of a <see cref="FastObjectShape"/>: its UTF-8 name, how to read its value, and how Newtonsoft would treat null.</summary>
internal sealed class FastMember
{
    private static int _slots;

    private FastMember(JsonProperty property, FastMemberKind kind, Type? valueType, bool isList, Func<string, object>? parse, Func<IList>? createList)
    {
        Property = property;
        Slot = System.Threading.Interlocked.Increment(ref _slots) - 1;
        Name = Encoding.UTF8.GetBytes(property.PropertyName!);
        Kind = kind;
        ValueType = valueType;
        IsList = isList;
        Parse = parse;
        CreateList = createList;
        SkipsNull = property.NullValueHandling == NullValueHandling.Ignore;
    }

    public JsonProperty Property { get; }

    public byte[] Name { get; }

    /// <summary>A number unique to this member in the process, where <see cref="RepeatedValues"/> keeps its last value.</summary>
    public int Slot { get; }

    /// <summary>The kind of the value, or of each item of a list (a null item makes the reader decline).</summary>
    public FastMemberKind Kind { get; }

    /// <summary>The DTO type of an <see cref="FastMemberKind.Object"/> value or list item; the property type for <see cref="FastMemberKind.Raw"/>.</summary>
    public Type? ValueType { get; }

    public bool IsList { get; }

    /// <summary>Whether a null value leaves the member unset (Newtonsoft's <see cref="NullValueHandling.Ignore"/>).</summary>
    public bool SkipsNull { get; }

    public Func<string, object>? Parse { get; }

    public Func<IList>? CreateList { get; }

    /// <summary>
    /// The shape of an <see cref="FastMemberKind.Object"/> value once looked up (boxed: null is a shape too, "read by
    /// Newtonsoft"), so that each nested object of each chunk costs no cache lookup. Set once; a race looks it up twice.
    /// </summary>
    public StrongBox<FastObjectShape?>? ObjectShape { get; set; }

    /// <summary>The member, or null when Newtonsoft would treat it in a way this reader does not copy (the whole type then goes to Newtonsoft).</summary>
    public static FastMember? Create(JsonProperty property, IContractResolver resolver)
    {
        if (property.Ignored)
        {
            return new FastMember(property, FastMemberKind.Ignored, null, false, null, null);
        }

        // A member Newtonsoft insists on (present, or not null) sends the type to Newtonsoft, which enforces it and names
        // what is missing; the contracts answers are read with insist on nothing (LenientContractResolver).
        var type = property.PropertyType!;
        if (property.Required != Required.Default
            || (type.IsValueType && Nullable.GetUnderlyingType(type) == null && property.NullValueHandling != NullValueHandling.Ignore))
        {
            return null;
        }

        if (!property.Writable || property.ShouldDeserialize != null || property.SetIsSpecified != null || property.IsReference == true
            || property.TypeNameHandling != null || property.ItemConverter != null || property.ItemTypeNameHandling != null
            || property.ItemIsReference != null || (property.ObjectCreationHandling ?? ObjectCreationHandling.Replace) != ObjectCreationHandling.Replace
            || (property.DefaultValueHandling ?? DefaultValueHandling.Include) != DefaultValueHandling.Include)
        {
            return null;
        }

        if (KindOf(type, property.Converter, resolver) is { } scalar)
        {
            return new FastMember(property, scalar, type, false, scalar == FastMemberKind.Enum ? EnumParsers.For(type) : null, null);
        }

        if (property.Converter == null && ItemType(type) is { } itemType && KindOf(itemType, null, resolver) is { } itemKind)
        {
            var createList = (Func<IList>)Delegate.CreateDelegate(typeof(Func<IList>), NewListMethod.MakeGenericMethod(itemType));
            return new FastMember(property, itemKind, itemType, true, null, createList);
        }

        return new FastMember(property, FastMemberKind.Raw, type, false, null, null);
    }

    private static readonly MethodInfo NewListMethod = typeof(FastMember).GetMethod(nameof(NewList), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static IList NewList<T>() => new List<T>();

    private static FastMemberKind? KindOf(Type type, JsonConverter? propertyConverter, IContractResolver resolver)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var contract = resolver.ResolveContract(type);
        var converter = propertyConverter ?? contract.Converter;
        if (typeof(ExtensibleEnum).IsAssignableFrom(type))
        {
            return converter is ExtensibleEnumConverter && EnumParsers.For(type) != null ? FastMemberKind.Enum : null;
        }

        if (converter != null)
        {
            return null;
        }

        if (underlying == typeof(string))
        {
            return FastMemberKind.String;
        }

        if (underlying == typeof(int))
        {
            return FastMemberKind.Int32;
        }

        if (underlying == typeof(long))
        {
            return FastMemberKind.Int64;
        }

        if (underlying == typeof(double))
        {
            return FastMemberKind.Double;
        }

        if (underlying == typeof(bool))
        {
            return FastMemberKind.Boolean;
        }

        return contract is JsonObjectContract && FastObjectShape.IsEligible(contract) ? FastMemberKind.Object : null;
    }

    private static Type? ItemType(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IList<>) || type.GetGenericTypeDefinition() == typeof(List<>))
            ? type.GetGenericArguments()[0]
            : null;
}
