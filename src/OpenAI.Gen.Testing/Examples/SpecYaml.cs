using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Reads an OpenAPI YAML (or JSON) document into a Newtonsoft tree whose tokens carry a <see cref="YamlNodeInfo"/>.
/// Plain scalars follow the YAML 1.2 core schema, the same rules as the spec tool that generates the client.
/// </summary>
internal static class SpecYaml
{
    private static readonly Regex IntPattern = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FloatPattern = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static JObject Load(string text, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SpecLoadException(sourceName, (int)e.Start.Line, (int)e.Start.Column, "not valid YAML: " + (e.InnerException?.Message ?? e.Message));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SpecLoadException(sourceName, 1, 1, "the document is empty or its root is not a mapping");
        }

        return (JObject)Convert(root, sourceName);
    }

    public static YamlNodeInfo? Info(JToken token) => token.Annotation<YamlNodeInfo>();

    private static JToken Convert(YamlNode node, string sourceName)
    {
        JToken token;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JObject();
                foreach (var pair in map.Children)
                {
                    if (pair.Key is not YamlScalarNode key)
                    {
                        throw new SpecLoadException(sourceName, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column, "mapping keys must be scalars");
                    }

                    var name = key.Value ?? string.Empty;
                    if (obj.ContainsKey(name))
                    {
                        throw new SpecLoadException(sourceName, (int)key.Start.Line, (int)key.Start.Column, $"duplicate key '{name}'");
                    }

                    obj.Add(name, Convert(pair.Value, sourceName));
                }

                token = obj;
                break;
            case YamlSequenceNode seq:
                var array = new JArray();
                foreach (var child in seq.Children)
                {
                    array.Add(Convert(child, sourceName));
                }

                token = array;
                break;
            case YamlScalarNode scalar:
                token = ConvertScalar(scalar);
                break;
            default:
                throw new SpecLoadException(sourceName, (int)node.Start.Line, (int)node.Start.Column, $"unsupported YAML node {node.NodeType} (aliases are not supported)");
        }

        token.AddAnnotation(new YamlNodeInfo((int)node.Start.Line, (int)node.Start.Column));
        return token;
    }

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
