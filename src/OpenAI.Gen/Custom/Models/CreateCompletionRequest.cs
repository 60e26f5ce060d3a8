namespace OpenAI.Gen;

/// <summary>The request as a streaming call sends it.</summary>
public partial class CreateCompletionRequest
{
    /// <summary>
    /// A shallow copy with <c>stream: true</c>, written like any request (no JSON tree of it is built): the caller's
    /// object, which may be shared or reused, is left as it is. A <c>stream</c> kept among the additional properties
    /// gives way to it.
    /// </summary>
    internal CreateCompletionRequest AsStreamRequest()
    {
        var copy = (CreateCompletionRequest)MemberwiseClone();
        copy.Stream = true;
        copy.DetachAdditionalPropertiesWithout("stream");
        return copy;
    }
}
