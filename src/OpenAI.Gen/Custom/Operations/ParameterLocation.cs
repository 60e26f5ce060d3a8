namespace OpenAI.Gen;

/// <summary>Where a parameter goes (OpenAPI <c>in</c>).</summary>
internal enum ParameterLocation
{
    /// <summary>In the path, replacing <c>{name}</c>.</summary>
    Path,

    /// <summary>In the query string.</summary>
    Query,

    /// <summary>In a request header.</summary>
    Header,
}
