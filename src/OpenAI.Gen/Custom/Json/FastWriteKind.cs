namespace OpenAI.Gen;

/// <summary>How <see cref="Utf8FastWriter"/> writes a value of one runtime type.</summary>
internal enum FastWriteKind
{
    /// <summary>Written in a way the fast writer does not copy: the whole body goes to Newtonsoft.</summary>
    Decline,

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

    /// <summary>A <see cref="System.Uri"/>, written as its original string.</summary>
    Uri,

    /// <summary>An open enum, written as its value.</summary>
    Enum,

    /// <summary>A DTO written member by member, then its extension data.</summary>
    Object,

    /// <summary>A list or array, item by item.</summary>
    List,

    /// <summary>A dictionary with string keys.</summary>
    Dictionary,

    /// <summary>A generated union, written as its member value.</summary>
    Union,

    /// <summary>A JSON token (kept unknown members, unmatched union objects).</summary>
    Token,
}
