using System;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// What <see cref="Utf8FastWriter"/> knows of one runtime type, taken from the Newtonsoft contract the request
/// serializer itself uses: how its values are written, and for an object its written members in Newtonsoft's order.
/// </summary>
internal sealed class FastWriteShape
{
    public FastWriteShape(Type type, FastWriteKind kind, FastWriteMember[]? members = null, ExtensionDataGetter? extensionData = null, IUnionMembers? union = null)
    {
        Type = type;
        Kind = kind;
        Members = members ?? System.Array.Empty<FastWriteMember>();
        ExtensionData = extensionData;
        Union = union;
    }

    /// <summary>The runtime type this shape is of.</summary>
    public Type Type { get; }

    public FastWriteKind Kind { get; }

    /// <summary>An object's members Newtonsoft may write, in its order.</summary>
    public FastWriteMember[] Members { get; }

    /// <summary>An object's extension data, written after its members.</summary>
    public ExtensionDataGetter? ExtensionData { get; }

    /// <summary>A union's converter.</summary>
    public IUnionMembers? Union { get; }
}
