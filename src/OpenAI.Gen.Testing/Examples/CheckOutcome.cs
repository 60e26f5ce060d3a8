namespace OpenAI.Gen.Testing;

/// <summary>The outcome of one check (schema or DTO round trip) of an example part.</summary>
public enum CheckOutcome
{
    /// <summary>The check could not run (no JSON to check); a defect finding says why.</summary>
    NotRun,

    /// <summary>No finding.</summary>
    Passed,

    /// <summary>Findings, each matched by an allowance (not in strict mode).</summary>
    Allowed,

    /// <summary>At least one finding that counts as a failure.</summary>
    Failed,
}
