using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace OpenAI.Gen.Testing;

/// <summary>How <see cref="ExampleValidator"/> judges examples.</summary>
public sealed class ExampleValidationOptions
{
    /// <summary>Every finding fails its part: repaired defects and allowed findings too.</summary>
    public bool Strict { get; set; }

    /// <summary>Known findings accepted in lenient mode.</summary>
    public IList<ExampleAllowance> Allowances { get; } = new List<ExampleAllowance>();

    /// <summary>
    /// For each operationId whose streamed chunks have their own schema, that schema (the chunk DTO has the same name).
    /// Operations not listed stream values of their response schema (as legacy completions do).
    /// </summary>
    public IDictionary<string, string> StreamChunkSchemas { get; } = new Dictionary<string, string>
    {
        ["createChatCompletion"] = "CreateChatCompletionStreamResponse",
    };

    /// <summary>The DTO type for a schema name, or null when there is none. Default: the OpenAI.Gen type of the same name.</summary>
    public Func<string, Type?> DtoResolver { get; set; } = name => typeof(OpenAIClient).Assembly.GetType("OpenAI.Gen." + name, throwOnError: false);

    /// <summary>Serializer settings of the round trip. Default (null): the settings the client reads and writes whole answers with.</summary>
    public JsonSerializerSettings? SerializerSettings { get; set; }

    /// <summary>
    /// Serializer settings of the round trip of a streamed response's chunks. Default (null): <see cref="SerializerSettings"/>
    /// when set, else the settings the client reads stream chunks with (a required open enum may be null in a chunk).
    /// </summary>
    public JsonSerializerSettings? StreamSerializerSettings { get; set; }
}
