using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// The DTO type for a schema name, or null when there is none. Default: the generated OpenAI.Gen type the spec tool
    /// names after it: the name itself, made an identifier where it is none (<c>ConversationParam-2</c> →
    /// <c>ConversationParam2</c>), with <c>Object</c> after it where a hand-written type holds the name (<c>OpenAIFile</c>).
    /// </summary>
    public Func<string, Type?> DtoResolver { get; set; } = GeneratedType;

    private static Type? GeneratedType(string schemaName)
    {
        var name = new string(schemaName.Where(char.IsLetterOrDigit).ToArray());
        var type = typeof(OpenAIClient).Assembly.GetType("OpenAI.Gen." + name, throwOnError: false);
        return type == null || type.IsDefined(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false)
            ? type
            : typeof(OpenAIClient).Assembly.GetType("OpenAI.Gen." + name + "Object", throwOnError: false) ?? type;
    }

    /// <summary>
    /// The DTO type of a body whose schema the spec writes in place (no component schema to name it): given the
    /// operationId and the part, the type the generated client sends (its <c>body</c> parameter) or answers with, or
    /// null. Default: the <see cref="OpenAIClient"/> method named after the operation (<c>updateChatCompletion</c> →
    /// <c>UpdateChatCompletionAsync</c>).
    /// </summary>
    public Func<string, ExamplePartKind, Type?> InlineBodyDtoResolver { get; set; } = ClientBodyType;

    private static Type? ClientBodyType(string operationId, ExamplePartKind kind)
    {
        var name = new string(operationId.Where(char.IsLetterOrDigit).ToArray()) + "Async";
        var method = typeof(OpenAIClient).GetMethods().FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        return kind switch
        {
            ExamplePartKind.Request => method?.GetParameters().FirstOrDefault(p => p.Name == "body")?.ParameterType,
            ExamplePartKind.Response when method?.ReturnType is { IsGenericType: true } task && task.GetGenericTypeDefinition() == typeof(System.Threading.Tasks.Task<>) => task.GetGenericArguments()[0],
            _ => null,
        };
    }

    /// <summary>Serializer settings of the round trip. Default (null): the settings the client reads and writes whole answers with.</summary>
    public JsonSerializerSettings? SerializerSettings { get; set; }

    /// <summary>
    /// Serializer settings of the round trip of a streamed response's chunks. Default (null): <see cref="SerializerSettings"/>
    /// when set, else the settings the client reads stream chunks with (a required open enum may be null in a chunk).
    /// </summary>
    public JsonSerializerSettings? StreamSerializerSettings { get; set; }
}
