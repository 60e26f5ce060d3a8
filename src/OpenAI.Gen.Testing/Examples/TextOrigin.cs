using System;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Maps positions inside an example text back to the spec file. Block scalars keep each content line intact
/// (indented), so every text line is matched, in order, to the file line that ends with it.
/// </summary>
internal sealed class TextOrigin
{
    private readonly string _sourceName;
    private readonly string _pointer;
    private readonly int _nodeLine;
    private readonly int[] _fileLines;
    private readonly int[] _fileColumnOffsets;
    private readonly TextOrigin? _parent;
    private readonly int _startLine;
    private readonly int _startColumn;

    private TextOrigin(string sourceName, string pointer, int nodeLine, int[] fileLines, int[] fileColumnOffsets)
    {
        _sourceName = sourceName;
        _pointer = pointer;
        _nodeLine = nodeLine;
        _fileLines = fileLines;
        _fileColumnOffsets = fileColumnOffsets;
    }

    private TextOrigin(TextOrigin parent, int startLine, int startColumn)
        : this(parent._sourceName, parent._pointer, parent._nodeLine, Array.Empty<int>(), Array.Empty<int>())
    {
        _parent = parent;
        _startLine = startLine;
        _startColumn = startColumn;
    }

    /// <summary>JSON pointer of the spec node.</summary>
    public string Pointer => _pointer;

    /// <summary>The origin of <paramref name="text"/>, the value of the scalar at <paramref name="nodeLine"/> of <paramref name="source"/>.</summary>
    public static TextOrigin ForScalar(string sourceName, string[] source, string pointer, int nodeLine, string text)
    {
        var lines = text.Split('\n');
        var fileLines = new int[lines.Length];
        var offsets = new int[lines.Length];
        var cursor = Math.Max(nodeLine - 1, 0);
        var limit = Math.Min(source.Length, cursor + (lines.Length * 3) + 8);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            for (var j = cursor; j < limit; j++)
            {
                var fileLine = source[j].TrimEnd('\r');
                if (fileLine.EndsWith(line, StringComparison.Ordinal) && fileLine.Substring(0, fileLine.Length - line.Length).Trim().Length == 0)
                {
                    fileLines[i] = j + 1;
                    offsets[i] = fileLine.Length - line.Length;
                    cursor = j + 1;
                    break;
                }
            }
        }

        return new TextOrigin(sourceName, pointer, nodeLine, fileLines, offsets);
    }

    /// <summary>The origin of a text that starts at <paramref name="line"/>:<paramref name="column"/> of this one.</summary>
    public TextOrigin Sub(int line, int column) => new(this, line, column);

    /// <summary>The location of 1-based <paramref name="line"/>:<paramref name="column"/> of this text.</summary>
    public ExampleLocation Locate(int line, int column) => Locate(line, column, line, column);

    private ExampleLocation Locate(int line, int column, int textLine, int textColumn)
    {
        if (_parent != null)
        {
            return _parent.Locate(_startLine + line - 1, line == 1 ? _startColumn + column - 1 : column, textLine, textColumn);
        }

        var index = line - 1;
        if (index >= 0 && index < _fileLines.Length && _fileLines[index] > 0)
        {
            return new ExampleLocation(_sourceName, _pointer, _fileLines[index], _fileColumnOffsets[index] + Math.Max(column, 1), textLine, textColumn);
        }

        return new ExampleLocation(_sourceName, _pointer, _nodeLine, 0, textLine, textColumn);
    }
}
