namespace OpenAI.Gen.Testing;

/// <summary>Names of the DTO round-trip findings (<see cref="FindingCategory.RoundTrip"/>).</summary>
public static class RoundTripCodes
{
    /// <summary>No DTO type stands for the schema (or the schema is not a named component).</summary>
    public const string NoDtoType = "NoDtoType";

    /// <summary>The DTO could not read the example (wrong type, missing required member, …).</summary>
    public const string DeserializationFailed = "DeserializationFailed";

    /// <summary>A member of the example is missing after the round trip: the DTO lost it.</summary>
    public const string Lost = "Lost";

    /// <summary>The round trip wrote a member the example does not have.</summary>
    public const string Added = "Added";

    /// <summary>The round trip wrote a different value (or array length) than the example's.</summary>
    public const string Changed = "Changed";
}
