using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>The union for stop: a string or up to four strings.</summary>
[JsonConverter(typeof(RawJsonUnionConverter))]
public sealed partial class StopSequences : RawJsonUnion
{
    /// <summary>Wraps a JSON value.</summary>
    public StopSequences(JToken json)
        : base(json)
    {
    }

    /// <summary>A string value.</summary>
    public static implicit operator StopSequences(string value) => new(new JValue(value));
}
