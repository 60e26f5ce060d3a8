using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Reads an OpenAPI YAML (or JSON) document into a Newtonsoft tree. Every token keeps its
/// <see cref="SourceLocation"/> so later errors can name the line of the spec.
/// </summary>
public static class YamlLoader
{
    private static readonly Regex IntPattern = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>Loads a file.</summary>
    public static JObject LoadFile(string path) => Load(File.ReadAllText(path), path);

    /// <summary>Loads YAML text; <paramref name="file"/> only names the source in errors.</summary>
    public static JObject Load(string text, string file)
    {
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

    private static JToken Convert(YamlNode node, string file)
    {
        JToken token = node switch
        {
            YamlMappingNode map => ConvertMap(map, file),
            YamlSequenceNode seq => ConvertSequence(seq, file),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => throw new SpecException(file, (int)node.Start.Line, (int)node.Start.Column, $"unsupported YAML node {node.NodeType}"),
        };
        token.AddAnnotation(new SourceLocation((int)node.Start.Line, (int)node.Start.Column));
        return token;
    }

    private static JObject ConvertMap(YamlMappingNode map, string file)
    {
        var obj = new JObject();
        foreach (var pair in map.Children)
        {
            var key = pair.Key is YamlScalarNode k ? k.Value ?? string.Empty
                : throw new SpecException(file, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column, "mapping keys must be scalars");
            if (obj.ContainsKey(key))
            {
                throw new SpecException(file, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column, $"duplicate key '{key}'");
            }

            obj.Add(key, Convert(pair.Value, file));
        }

        return obj;
    }

    private static JArray ConvertSequence(YamlSequenceNode seq, string file)
    {
        var array = new JArray();
        foreach (var child in seq.Children)
        {
            array.Add(Convert(child, file));
        }

        return array;
    }

    // YAML 1.2 core schema for plain scalars; any quoted or block scalar is a string.
    private static JToken ConvertScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return JValue.CreateNull();
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
        }

        if (IntPattern.IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return new JValue(l);
        }

        if (FloatPattern.IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return new JValue(d);
        }

        return new JValue(value);
    }

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
