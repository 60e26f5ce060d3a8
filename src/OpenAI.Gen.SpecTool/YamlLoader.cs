using System;
using System.IO;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.Shared;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Reads an OpenAPI YAML (or JSON) document into a Newtonsoft tree. Every token keeps its
/// <see cref="SourceLocation"/> so later errors can name the line of the spec.
/// </summary>
public static class YamlLoader
{
    /// <summary>Loads a file.</summary>
    public static JObject LoadFile(string path) => Load(File.ReadAllText(path), path);

    /// <summary>Loads YAML text; <paramref name="file"/> only names the source in errors.</summary>
    public static JObject Load(string text, string file)
    {
        text = EmptyBlockScalars.Normalize(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SpecException(file, (int)e.Start.Line, (int)e.Start.Column, "the spec is not valid YAML: " + (e.InnerException?.Message ?? e.Message));
        }
        catch (InvalidOperationException e)
        {
            // Some malformed input (an unclosed flow sequence) fails inside YamlDotNet's scanner without a position.
            var (line, column) = LastReadPosition(text);
            throw new SpecException(file, line, column, "the spec is not valid YAML (it cannot be read past this point): " + e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SpecException(file, 1, 1, "the spec is empty or its root is not a mapping");
        }

        return (JObject)Convert(root, file);
    }

    private static (int Line, int Column) LastReadPosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The position of the last event read is what is reported.
        }

        return ((int)last.Line, (int)last.Column);
    }

    private static JToken Convert(YamlNode node, string file) =>
        YamlTree.Convert(node, (line, column) => new SourceLocation(line, column), (line, column, message) => new SpecException(file, line, column, message));

    /// <summary>The source location of a token, or of its nearest located ancestor.</summary>
    public static SourceLocation Locate(JToken? token)
    {
        for (var t = token; t != null; t = t.Parent)
        {
            var loc = t.Annotation<SourceLocation>();
            if (loc != null)
            {
                return loc;
            }
        }

        return new SourceLocation(0, 0);
    }
}
