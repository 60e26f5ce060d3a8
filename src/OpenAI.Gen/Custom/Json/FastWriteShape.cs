using System.Collections.Generic;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// What <see cref="Utf8FastWriter"/> knows of one runtime type, taken from the Newtonsoft contract the request
/// serializer itself uses: how its values are written, and for an object its written members in Newtonsoft's order.
/// </summary>
internal sealed class FastWriteShape
{
    public static readonly FastWriteShape Declined = new(FastWriteKind.Decline);

    public FastWriteShape(FastWriteKind kind, IReadOnlyList<FastWriteMember>? members = null, ExtensionDataGetter? extensionData = null, IUnionMembers? union = null)
    {
        Kind = kind;
        Members = members ?? System.Array.Empty<FastWriteMember>();
        ExtensionData = extensionData;
        Union = union;
    }

    public FastWriteKind Kind { get; }

    /// <summary>An object's members Newtonsoft may write, in its order.</summary>
    public IReadOnlyList<FastWriteMember> Members { get; }

    /// <summary>An object's extension data, written after its members.</summary>
    public ExtensionDataGetter? ExtensionData { get; }

    /// <summary>A union's converter.</summary>
    public IUnionMembers? Union { get; }
}
