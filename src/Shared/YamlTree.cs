using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenAI.Gen.Shared;

/// <summary>
/// Turns a loaded YAML node tree into a Newtonsoft tree. Compiled into both the spec tool and OpenAI.Gen.Testing (a
/// linked source file, internal to each), so that the client's generator and its example validator read a spec with
/// the very same scalar rules.
/// </summary>
internal static class YamlTree
{
    private static readonly Regex IntPattern = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Converts <paramref name="node"/> and its children. Each token is annotated with what <paramref name="location"/>
    /// makes of the node's line and column; a structure JSON cannot hold (a non-scalar or duplicate key) throws what
    /// <paramref name="error"/> makes of its line, column and message.
    /// </summary>
    public static JToken Convert(YamlNode node, Func<int, int, object> location, Func<int, int, string, Exception> error)
    {
        JToken token = node switch
        {
            YamlMappingNode map => ConvertMap(map, location, error),
            YamlSequenceNode seq => ConvertSequence(seq, location, error),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => throw error((int)node.Start.Line, (int)node.Start.Column, $"unsupported YAML node {node.NodeType} (aliases are not supported)"),
        };
        token.AddAnnotation(location((int)node.Start.Line, (int)node.Start.Column));
        return token;
    }

    private static JObject ConvertMap(YamlMappingNode map, Func<int, int, object> location, Func<int, int, string, Exception> error)
    {
        var obj = new JObject();
        foreach (var pair in map.Children)
        {
            var key = pair.Key is YamlScalarNode k ? k.Value ?? string.Empty
                : throw error((int)pair.Key.Start.Line, (int)pair.Key.Start.Column, "mapping keys must be scalars");
            if (obj.ContainsKey(key))
            {
                throw error((int)pair.Key.Start.Line, (int)pair.Key.Start.Column, $"duplicate key '{key}'");
            }

            obj.Add(key, Convert(pair.Value, location, error));
        }

        return obj;
    }

    private static JArray ConvertSequence(YamlSequenceNode seq, Func<int, int, object> location, Func<int, int, string, Exception> error)
    {
        var array = new JArray();
        foreach (var child in seq.Children)
        {
            array.Add(Convert(child, location, error));
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
}
