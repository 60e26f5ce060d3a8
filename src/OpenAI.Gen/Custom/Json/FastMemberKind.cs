namespace OpenAI.Gen;

/// <summary>How <see cref="Utf8FastReader"/> reads one member's value from UTF-8 JSON.</summary>
internal enum FastMemberKind
{
    /// <summary>Skipped, as Newtonsoft skips an ignored member.</summary>
    Ignored,

    /// <summary>A string.</summary>
    String,

    /// <summary>An <see cref="int"/>.</summary>
    Int32,

    /// <summary>A <see cref="long"/>.</summary>
    Int64,

    /// <summary>A <see cref="double"/>.</summary>
    Double,

    /// <summary>A <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>An open enum, read with its static <c>Parse</c>.</summary>
    Enum,

    /// <summary>A DTO read member by member.</summary>
    Object,

    /// <summary>Anything else: its JSON text is handed to the Newtonsoft serializer.</summary>
    Raw,
}
