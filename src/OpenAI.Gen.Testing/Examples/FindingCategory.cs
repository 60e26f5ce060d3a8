namespace OpenAI.Gen.Testing;

/// <summary>Which check produced an <see cref="ExampleFinding"/>.</summary>
public enum FindingCategory
{
    /// <summary>The example text itself: not JSON, repaired JSON, no curl body, no response (see <see cref="DefectCodes"/>).</summary>
    Defect,

    /// <summary>JSON Schema validation against the spec's schema; the code is NJsonSchema's error kind (e.g. <c>StringExpected</c>).</summary>
    Schema,

    /// <summary>Deserializing into the typed DTO and serializing back (see <see cref="RoundTripCodes"/>).</summary>
    RoundTrip,
}
