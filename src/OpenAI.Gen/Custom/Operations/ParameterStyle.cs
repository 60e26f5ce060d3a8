namespace OpenAI.Gen;

/// <summary>How a parameter's value is written (OpenAPI <c>style</c>); the location's default when the spec names none.</summary>
internal enum ParameterStyle
{
    /// <summary>Comma-separated values: the default of path and header parameters.</summary>
    Simple,

    /// <summary><c>name=value</c> pairs: the default of query parameters.</summary>
    Form,

    /// <summary>An object's members as <c>name[key]=value</c>, e.g. <c>metadata[user]=42</c>.</summary>
    DeepObject,

    /// <summary>Array items separated by spaces.</summary>
    SpaceDelimited,

    /// <summary>Array items separated by <c>|</c>.</summary>
    PipeDelimited,
}
