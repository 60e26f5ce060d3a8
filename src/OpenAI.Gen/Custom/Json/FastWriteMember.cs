using System;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>One written member of a <see cref="FastWriteShape"/>: its name as written, and when Newtonsoft writes it.</summary>
internal sealed class FastWriteMember
{
    private FastWriteMember(JsonProperty property)
    {
        using var name = new Utf8JsonText();
        name.WriteString(property.PropertyName!);
        name.WriteByte((byte)':');
        Name = name.ToArray();
        ShouldSerialize = property.ShouldSerialize;
        IsSpecified = property.GetIsSpecified;
        Value = property.ValueProvider!;
        SkipsNull = property.NullValueHandling == NullValueHandling.Ignore;
        RequiresValue = property.Required is Required.Always or Required.DisallowNull;
    }

    /// <summary>
    /// The shape of the last value written for this member: nearly always the shape of the next one too, which then
    /// needs no lookup. Shapes never change, so a race only costs a lookup.
    /// </summary>
    public FastWriteShape? LastShape { get; set; }

    /// <summary>The quoted, escaped UTF-8 name and the colon.</summary>
    public byte[] Name { get; }

    public Predicate<object>? ShouldSerialize { get; }

    /// <summary>The "was this member set" check.</summary>
    public Predicate<object>? IsSpecified { get; }

    public IValueProvider Value { get; }

    /// <summary>Whether a null value leaves the member out (<see cref="NullValueHandling.Ignore"/>).</summary>
    public bool SkipsNull { get; }

    /// <summary>Whether Newtonsoft refuses to write null (it then names the error: the fast writer declines).</summary>
    public bool RequiresValue { get; }

    /// <summary>
    /// The member, or null when Newtonsoft writes it in a way this writer does not copy (the type then declines).
    /// Members Newtonsoft never writes are not asked for.
    /// </summary>
    public static FastWriteMember? Create(JsonProperty property)
    {
        // A property converter is copied only when it is the one its open-enum type carries anyway.
        var converter = property.Converter;
        if (converter != null && !(converter is ExtensibleEnumConverter && typeof(ExtensibleEnum).IsAssignableFrom(property.PropertyType)))
        {
            return null;
        }

        if (property.ValueProvider == null || property.PropertyName == null || property.IsReference != null || property.TypeNameHandling != null
            || property.ReferenceLoopHandling != null || (property.DefaultValueHandling ?? DefaultValueHandling.Include) != DefaultValueHandling.Include
            || property.ItemConverter != null || property.ItemIsReference != null || property.ItemTypeNameHandling != null
            || property.ItemReferenceLoopHandling != null)
        {
            return null;
        }

        return new FastWriteMember(property);
    }
}
