using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>A small spec with one operation (createThing) and test DTOs, to feed the validator chosen example texts.</summary>
public static class MiniSpec
{
    /// <summary>The spec text with <paramref name="curl"/> and <paramref name="response"/> as the example of createThing.</summary>
    public static string Yaml(string? curl, string response) => $@"openapi: 3.0.0
info:
  title: mini
  version: '1'
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/ThingRequest'
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
      x-oaiMeta:
        examples:
          - title: Default
            request:
{(curl == null ? "              python: print()" : "              curl: |\n" + Indent(curl, 16))}
            response: |
{Indent(response, 14)}
components:
  schemas:
    ThingRequest:
      type: object
      required: [name]
      properties:
        name:
          type: string
    Thing:
      type: object
      required: [id, count]
      properties:
        id:
          type: string
        count:
          type: integer
";

    /// <summary>The parsed spec.</summary>
    public static SpecDocument Parse(string? curl, string response) => SpecDocument.Parse(Yaml(curl, response), "mini.yaml");

    /// <summary>Options resolving the mini spec's schemas to the test DTOs.</summary>
    public static ExampleValidationOptions Options(bool strict = false, params ExampleAllowance[] allowances)
    {
        var options = new ExampleValidationOptions
        {
            Strict = strict,
            DtoResolver = name => name switch
            {
                "Thing" => typeof(Thing),
                "ThingRequest" => typeof(ThingRequest),
                _ => null,
            },
        };
        foreach (var allowance in allowances)
        {
            options.Allowances.Add(allowance);
        }

        return options;
    }

    /// <summary>A curl snippet posting <paramref name="body"/>.</summary>
    public static string Curl(string body) => "curl https://example.invalid/things \\\n  -H \"Content-Type: application/json\" \\\n  -d '" + body + "'";

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    /// <summary>DTO of the Thing schema.</summary>
    public sealed class Thing
    {
        /// <summary>id.</summary>
        [JsonProperty("id", Required = Required.Always)]
        public string Id { get; set; } = string.Empty;

        /// <summary>count.</summary>
        [JsonProperty("count", Required = Required.Always)]
        public long Count { get; set; }

        /// <summary>Everything else.</summary>
        [JsonExtensionData]
        public IDictionary<string, object> Extra { get; set; } = new Dictionary<string, object>();
    }

    /// <summary>DTO of the ThingRequest schema.</summary>
    public sealed class ThingRequest
    {
        /// <summary>name.</summary>
        [JsonProperty("name", Required = Required.Always)]
        public string Name { get; set; } = string.Empty;

        /// <summary>Everything else.</summary>
        [JsonExtensionData]
        public IDictionary<string, object> Extra { get; set; } = new Dictionary<string, object>();
    }
}
