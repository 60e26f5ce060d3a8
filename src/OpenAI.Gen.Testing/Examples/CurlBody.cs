using System.Text.RegularExpressions;

namespace OpenAI.Gen.Testing;

/// <summary>The JSON body of a curl snippet: the single-quoted argument of <c>-d</c> (or <c>--data</c>, <c>--data-raw</c>).</summary>
internal sealed class CurlBody
{
    // Shell single quotes cannot hold a quote; snippets that need one write '\'' (close, escaped quote, reopen).
    private static readonly Regex Pattern = new(@"(?<=^|\s)(?:-d|--data|--data-raw|--data-binary)\s+'(?<body>(?:[^']|'\\'')*)'", RegexOptions.CultureInvariant);

    private CurlBody(string text, int line, int column)
    {
        Text = text;
        Line = line;
        Column = column;
    }

    /// <summary>The body text.</summary>
    public string Text { get; }

    /// <summary>1-based line in the curl snippet where the body starts.</summary>
    public int Line { get; }

    /// <summary>1-based column in the curl snippet where the body starts.</summary>
    public int Column { get; }

    /// <summary>The body of <paramref name="curl"/>, or null when it has none.</summary>
    public static CurlBody? Find(string curl)
    {
        var match = Pattern.Match(curl);
        if (!match.Success)
        {
            return null;
        }

        var start = match.Groups["body"].Index;
        var lineStart = curl.LastIndexOf('\n', start - 1) + 1;
        var line = 1;
        for (var i = 0; i < lineStart; i++)
        {
            if (curl[i] == '\n')
            {
                line++;
            }
        }

        return new CurlBody(match.Groups["body"].Value.Replace("'\\''", "'"), line, start - lineStart + 1);
    }
}
