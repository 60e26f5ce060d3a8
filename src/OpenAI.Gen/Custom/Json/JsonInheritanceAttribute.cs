using System;

namespace OpenAI.Gen;

/// <summary>
/// Names one variant of a tagged union (the generated base class carries one per variant). The tag <c>*</c>
/// marks the variant that receives tags this client does not know.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
internal sealed class JsonInheritanceAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public JsonInheritanceAttribute(string key, Type type)
    {
        Key = key;
        Type = type;
    }

    /// <summary>The tag value, or <c>*</c> for the unknown variant.</summary>
    public string Key { get; }

    /// <summary>The variant type.</summary>
    public Type Type { get; }
}
