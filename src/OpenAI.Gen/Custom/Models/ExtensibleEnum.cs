using System;

namespace OpenAI.Gen;

/// <summary>
/// Base of the spec's string enums. Unlike a C# enum it accepts values this client was not generated with
/// (a newer server's <c>finish_reason</c> or <c>role</c>), keeps them, and writes them back unchanged.
/// </summary>
public abstract class ExtensibleEnum : IEquatable<ExtensibleEnum>
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    protected ExtensibleEnum(string value)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The value as it appears on the wire.</summary>
    public string Value { get; }

    /// <summary>Whether the value is one this client was generated with.</summary>
    public abstract bool IsKnown { get; }

    /// <summary>Equality by type and ordinal value.</summary>
    public static bool operator ==(ExtensibleEnum? left, ExtensibleEnum? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by type and ordinal value.</summary>
    public static bool operator !=(ExtensibleEnum? left, ExtensibleEnum? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(ExtensibleEnum? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExtensibleEnum other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
