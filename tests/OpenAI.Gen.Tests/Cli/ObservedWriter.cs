using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace OpenAI.Gen.Tests.Cli;

/// <summary>
/// A string writer that records each write and completes <c>seen</c> once its text satisfies a condition
/// (<see cref="StringWriter.WriteAsync(string)"/> goes through <see cref="Write(string)"/>).
/// </summary>
internal sealed class ObservedWriter : StringWriter
{
    private readonly Func<string, bool> _condition;
    private readonly TaskCompletionSource _seen;

    public ObservedWriter(Func<string, bool> condition, TaskCompletionSource seen)
    {
        _condition = condition;
        _seen = seen;
    }

    /// <summary>The strings written, one per write call.</summary>
    public List<string> Writes { get; } = new();

    public override void Write(string? value)
    {
        Record(value);
        base.Write(value);
    }

    private void Record(string? value)
    {
        if (value == null)
        {
            return;
        }

        Writes.Add(value);
        if (_condition(GetStringBuilder() + value))
        {
            _seen.TrySetResult();
        }
    }
}
