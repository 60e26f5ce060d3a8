using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace OpenAI.Gen.Tests.Client;

/// <summary>A logger provider that keeps every line, at every level, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Lines logged so far.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Lines of the OpenAI.Gen client.</summary>
    public IReadOnlyList<LogEntry> ClientEntries => Entries.Where(e => e.Category == typeof(OpenAIClient).FullName).ToList();

    /// <summary>Forgets the lines.</summary>
    public void Clear() => _entries.Clear();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
