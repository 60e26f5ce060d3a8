using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// The one place the client's JSON is read and written, built once and never changed: the request writer, the
/// whole-answer reader, the stream-chunk reader and the snapshot serializer of the accumulators, over one cache of
/// fast-path shapes (<see cref="FastShapeCache"/>) and one set of enum parsers (<see cref="EnumParsers"/>). Nothing in
/// <see cref="OpenAIClientOptions"/> changes the wire format, so every client's settings lead here to the same
/// instance; the Testing and Extensions.AI packages reach it without a client. No settings object leaves it, so
/// nobody can edit what another caller reads with.
/// </summary>
internal sealed class OpenAIJson
{
    private readonly JsonSerializerSettings _settings;
    private readonly JsonSerializerSettings _chunkSettings;
    private readonly JsonSerializer _serializer;

    private OpenAIJson()
    {
        // Strings stay strings (no date guessing), so unknown members round-trip byte for byte.
        _settings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            MaxDepth = 128,
            ContractResolver = OpenAIContractResolver.Instance,
        };

        // Answers and chunks are read as servers send them (LenientContractResolver); one event holds one JSON value, so
        // anything after it is a malformed event, not something to skip.
        var readSettings = new JsonSerializerSettings(_settings) { ContractResolver = LenientContractResolver.Instance };
        _chunkSettings = new JsonSerializerSettings(readSettings) { CheckAdditionalContent = true };

        var shapes = new FastShapeCache(LenientContractResolver.Instance);
        var maxDepth = _settings.MaxDepth!.Value;
        _serializer = JsonSerializer.Create(_settings);
        var answerSerializer = JsonSerializer.Create(readSettings);
        var chunkSerializer = JsonSerializer.Create(_chunkSettings);
        Writer = new RequestBodyWriter(_serializer);
        Answers = new ResponseBodyReader(answerSerializer, new Utf8FastReader(answerSerializer, shapes, maxDepth));
        Chunks = new ChunkDeserializer(chunkSerializer, new Utf8FastReader(chunkSerializer, shapes, maxDepth));

        // Snapshots are read while required members may still be missing (finish_reason before the last chunk).
        Snapshots = answerSerializer;
    }

    /// <summary>The client's JSON.</summary>
    internal static OpenAIJson Default { get; } = new();

    /// <summary>Writes request bodies.</summary>
    internal RequestBodyWriter Writer { get; }

    /// <summary>Reads whole (non-streamed) answers.</summary>
    internal ResponseBodyReader Answers { get; }

    /// <summary>Reads the data of stream events.</summary>
    internal ChunkDeserializer Chunks { get; }

    /// <summary>Reads and writes accumulator snapshots, whose required members may still be missing.</summary>
    internal JsonSerializer Snapshots { get; }

    /// <summary>A copy of the settings whole answers and requests are read and written with, for a caller's own serializer.</summary>
    internal JsonSerializerSettings CopySettings() => new(_settings);

    /// <summary>A copy of the settings stream chunks are read with, for a caller's own serializer.</summary>
    internal JsonSerializerSettings CopyChunkSettings() => new(_chunkSettings);

    /// <summary>
    /// Whether the member <paramref name="member"/> (its C# name) of <paramref name="dto"/> was set, to a value or to null,
    /// and is therefore written: an optional member once set, a required one unless an answer read left it out.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="dto"/> has no such member.</exception>
    internal static bool IsSet(object dto, string member)
    {
        if (OpenAIContractResolver.Instance.ResolveContract(dto.GetType()) is JsonObjectContract contract)
        {
            foreach (var property in contract.Properties)
            {
                if (property.UnderlyingName == member)
                {
                    return property.GetIsSpecified?.Invoke(dto) ?? true;
                }
            }
        }

        throw new ArgumentException($"{dto.GetType().Name} has no member {member}.", nameof(member));
    }

    /// <summary><paramref name="value"/> as a JSON tree, written as a request body would be.</summary>
    internal JToken ToToken(object value) => JToken.FromObject(value, _serializer);

    /// <summary><paramref name="token"/> read as a <paramref name="type"/>, as an answer would be.</summary>
    internal object? FromToken(JToken token, Type type) => token.ToObject(type, _serializer);
}
