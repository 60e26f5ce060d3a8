using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace OpenAI.Gen.Tests.Client;

/// <summary>The logger of <see cref="CapturingLoggerProvider"/>.</summary>
internal sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> sink) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        sink.Enqueue(new LogEntry(category, logLevel, eventId.Name, formatter(state, exception), values.ToList(), exception));
    }
}
