using System.Runtime.CompilerServices;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>The serializer that reads stream chunks, built once per client settings object and then shared.</summary>
internal static class StreamSerializers
{
    private static readonly ConditionalWeakTable<JsonSerializerSettings, JsonSerializer> Cache = new();

    public static JsonSerializer For(JsonSerializerSettings settings) => Cache.GetValue(settings, Create);

    private static JsonSerializer Create(JsonSerializerSettings settings)
    {
        var serializer = JsonSerializer.Create(settings);

        // A custom resolver is kept as the caller chose it; only the default one is swapped for the lenient one.
        if (settings.ContractResolver == null)
        {
            serializer.ContractResolver = StreamChunkContractResolver.Instance;
        }

        // One event holds one JSON value: anything after it is a malformed event, not something to skip.
        serializer.CheckAdditionalContent = true;
        return serializer;
    }
}
