using System;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Base of a union member kept as its JSON (string, array or object, exactly as sent or received).
/// </summary>
public abstract class RawJsonUnion
{
    /// <summary>Wraps <paramref name="json"/>.</summary>
    protected RawJsonUnion(JToken json)
    {
        Json = json ?? throw new ArgumentNullException(nameof(json));
    }

    /// <summary>The JSON value.</summary>
    public JToken Json { get; }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Json.ToString(Newtonsoft.Json.Formatting.None);
}
