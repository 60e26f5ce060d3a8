using System;
using System.Collections.Generic;
using System.Text;

namespace OpenAI.Gen.Testing;

/// <summary>A server's raw answer as <see cref="AnswerCapture"/> received it, or why none came.</summary>
internal sealed class CapturedAnswer
{
    public int? StatusCode { get; set; }

    /// <summary>Every response and content header, as received.</summary>
    public List<KeyValuePair<string, IEnumerable<string>>> Headers { get; } = new();

    public string? MediaType { get; set; }

    public byte[] Body { get; set; } = Array.Empty<byte>();

    /// <summary>How many bytes of the body have arrived (also while it is still being read).</summary>
    public long Received { get; set; }

    public string Text => Encoding.UTF8.GetString(Body);

    public TimeSpan Duration { get; set; }

    /// <summary>When the first complete event (a blank line after data) had arrived.</summary>
    public TimeSpan? FirstEvent { get; set; }

    /// <summary>Why there is no whole answer: a transport error, a broken connection or the time limit.</summary>
    public string? Failure { get; set; }
}
