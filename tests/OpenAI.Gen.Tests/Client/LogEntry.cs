using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace OpenAI.Gen.Tests.Client;

/// <summary>One captured log line with its structured values.</summary>
/// <param name="Category">Logger category.</param>
/// <param name="Level">Level.</param>
/// <param name="EventName">Event name.</param>
/// <param name="Message">Formatted message.</param>
/// <param name="State">Structured values.</param>
/// <param name="Exception">Attached exception.</param>
public sealed record LogEntry(string Category, LogLevel Level, string? EventName, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    /// <summary>A structured value, or null.</summary>
    public object? Value(string name) => State.FirstOrDefault(p => p.Key == name).Value;
}
