using System;
using System.IO;

namespace OpenAI.Gen;

/// <summary>
/// A file to upload in a <c>multipart/form-data</c> request (audio to transcribe, a file for a batch, an image to edit):
/// its content as a stream, which the client reads (once, retries included) and disposes when the call is done, its file
/// name and its media type.
/// </summary>
public sealed class OpenAIFile
{
    /// <summary>Creates the file.</summary>
    /// <param name="content">The content, read from its current position.</param>
    /// <param name="fileName">The name sent with it (the API infers some formats from the extension).</param>
    /// <param name="contentType">The media type; <c>application/octet-stream</c> when null.</param>
    public OpenAIFile(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = string.IsNullOrEmpty(fileName) ? throw new ArgumentException("A file needs a name.", nameof(fileName)) : fileName;
        ContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType!;
    }

    /// <summary>The content.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent with the content.</summary>
    public string FileName { get; }

    /// <summary>The media type sent with the content.</summary>
    public string ContentType { get; }
}
