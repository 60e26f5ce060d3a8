namespace OpenAI.Gen.Testing;

/// <summary>Which part of an example an <see cref="ExamplePart"/> is.</summary>
public enum ExamplePartKind
{
    /// <summary>The JSON body of an operation example's curl snippet, checked against the request schema.</summary>
    Request,

    /// <summary>An operation example's response, checked against the response schema (or, streamed, the chunk schema).</summary>
    Response,

    /// <summary>The example of a schema (<c>components.schemas.*.x-oaiMeta.example</c>), checked against that schema.</summary>
    Object,
}
