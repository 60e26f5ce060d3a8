using System.IO;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.Shared;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Reads an OpenAPI YAML (or JSON) document into a Newtonsoft tree whose tokens carry a <see cref="YamlNodeInfo"/>.
/// Plain scalars follow the YAML 1.2 core schema, the same rules as the spec tool that generates the client.
/// </summary>
internal static class SpecYaml
{
    public static JObject Load(string text, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(EmptyBlockScalars.Normalize(text)));
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

    private static JToken Convert(YamlNode node, string sourceName) =>
        YamlTree.Convert(node, (line, column) => new YamlNodeInfo(line, column), (line, column, message) => new SpecLoadException(sourceName, line, column, message));
}
