using System;
using System.Collections.Generic;

namespace OpenAI.Gen.Tests.Client;

/// <summary>Sets (or, with null, clears) environment variables and restores them when disposed.</summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    /// <summary>Applies <paramref name="values"/>.</summary>
    public EnvironmentScope(params (string Name, string? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>The variables the client reads, all cleared.</summary>
    public static EnvironmentScope Clean() => new(
        (OpenAIClientOptions.ApiKeyEnvironmentVariable, null),
        (OpenAIClientOptions.BaseUrlEnvironmentVariable, null),
        (OpenAIClientOptions.OrganizationEnvironmentVariable, null),
        (OpenAIClientOptions.ProjectEnvironmentVariable, null));

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
