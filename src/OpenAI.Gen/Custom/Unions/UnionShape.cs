using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// One JSON shape a generated union member can take (a string, an integer, an object of a generated type, an array of
/// one of these): which token starts it, how to read and write it, and how to name it in an error.
/// </summary>
internal abstract class UnionShape
{
    /// <summary>What this shape is, for errors ("a string", "an array of strings").</summary>
    public abstract string Description { get; }

    /// <summary>Several of this shape, for errors about arrays ("strings").</summary>
    public abstract string Plural { get; }

    /// <summary>Whether a value of this shape can start with <paramref name="token"/>.</summary>
    public abstract bool Accepts(JsonToken token);

    /// <summary>The shape of the items when this is an array shape, otherwise null.</summary>
    public virtual UnionShape? Item => null;

    /// <summary>
    /// For an array shape: reads the array whose first item (or end) is the reader's current token, for a reader that
    /// looked at the first item to choose among array shapes.
    /// </summary>
    public virtual object ReadFromFirstItem(JsonReader reader, JsonSerializer serializer) => throw new System.NotSupportedException(Description + " is not an array shape.");

    /// <summary>Reads the value at the reader's current token, leaving the reader on its last token.</summary>
    public abstract object ReadObject(JsonReader reader, JsonSerializer serializer);

    /// <summary>Writes a value read or built for this shape.</summary>
    public abstract void WriteObject(JsonWriter writer, object value, JsonSerializer serializer);
}

/// <summary>A <see cref="UnionShape"/> whose values are <typeparamref name="T"/>.</summary>
internal abstract class UnionShape<T> : UnionShape
    where T : notnull
{
    /// <summary>Reads the value at the reader's current token, leaving the reader on its last token.</summary>
    public abstract T Read(JsonReader reader, JsonSerializer serializer);

    /// <summary>Writes <paramref name="value"/>.</summary>
    public abstract void Write(JsonWriter writer, T value, JsonSerializer serializer);

    /// <inheritdoc />
    public sealed override object ReadObject(JsonReader reader, JsonSerializer serializer) => Read(reader, serializer);

    /// <inheritdoc />
    public sealed override void WriteObject(JsonWriter writer, object value, JsonSerializer serializer) => Write(writer, (T)value, serializer);
}
