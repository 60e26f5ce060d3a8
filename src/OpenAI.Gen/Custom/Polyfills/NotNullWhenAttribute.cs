#if NETSTANDARD2_0
namespace System.Diagnostics.CodeAnalysis;

/// <summary>
/// netstandard2.0 lacks this attribute; the compiler only needs its name to understand <c>TryGetX(out …)</c>
/// methods, so callers on newer frameworks get correct null analysis.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public NotNullWhenAttribute(bool returnValue)
    {
        ReturnValue = returnValue;
    }

    /// <summary>The return value for which the parameter is not null.</summary>
    public bool ReturnValue { get; }
}
#endif
