using System;
using System.Collections.Concurrent;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// The fast path's shapes of DTO types, built once per type from the contracts answers and chunks are read with
/// (<see cref="LenientContractResolver"/>) and shared by the whole-answer and the stream-chunk readers.
/// </summary>
internal sealed class FastShapeCache
{
    private readonly ConcurrentDictionary<Type, FastObjectShape?> _shapes = new();
    private readonly IContractResolver _resolver;

    internal FastShapeCache(IContractResolver resolver)
    {
        _resolver = resolver;
    }

    /// <summary>The shape of <paramref name="type"/>, or null when it is read by Newtonsoft alone.</summary>
    // Looked up before adding, so that the common hit does not allocate the factory's closure.
    internal FastObjectShape? For(Type type) =>
        _shapes.TryGetValue(type, out var shape) ? shape : _shapes.GetOrAdd(type, FastObjectShape.Create(type, _resolver));
}
