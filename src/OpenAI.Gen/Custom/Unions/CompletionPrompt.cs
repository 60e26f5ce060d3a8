using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// The <c>prompt</c> member of a completion request, one of four JSON shapes: a string, an array of strings (a batch of
/// prompts), an array of token IDs, or an array of token-ID arrays (a batch of tokenized prompts). It is written in
/// the shape it was created or read with. An empty array reads as an empty list of strings.
/// </summary>
/// <example><code>request.Prompt = "Say this is a test";  request.Prompt = new[] { 1212, 318 };</code></example>
[JsonConverter(typeof(CompletionPromptConverter))]
public sealed class CompletionPrompt
{
    private readonly string? _string;
    private readonly ReadOnlyCollection<string>? _strings;
    private readonly ReadOnlyCollection<int>? _tokens;
    private readonly ReadOnlyCollection<IReadOnlyList<int>>? _tokenArrays;

    private CompletionPrompt(string? value, ReadOnlyCollection<string>? strings, ReadOnlyCollection<int>? tokens, ReadOnlyCollection<IReadOnlyList<int>>? tokenArrays)
    {
        _string = value;
        _strings = strings;
        _tokens = tokens;
        _tokenArrays = tokenArrays;
    }

    /// <summary>Whether this is one prompt, written as a JSON string.</summary>
    public bool IsString => _string != null;

    /// <summary>Whether this is a batch of prompts, written as a JSON array of strings.</summary>
    public bool IsStrings => _strings != null;

    /// <summary>Whether this is one tokenized prompt, written as a JSON array of integers.</summary>
    public bool IsTokens => _tokens != null;

    /// <summary>Whether this is a batch of tokenized prompts, written as a JSON array of integer arrays.</summary>
    public bool IsTokenArrays => _tokenArrays != null;

    /// <summary>One prompt, written as a JSON string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prompt"/> is null.</exception>
    public static CompletionPrompt FromString(string prompt) =>
        new(prompt ?? throw new ArgumentNullException(nameof(prompt)), null, null, null);

    /// <summary>A batch of prompts, written as a JSON array of strings.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prompts"/> or one of its items is null.</exception>
    public static CompletionPrompt FromStrings(IEnumerable<string> prompts)
    {
        var list = (prompts ?? throw new ArgumentNullException(nameof(prompts))).ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(prompts), "A prompt is null.");
        }

        return new(null, list.AsReadOnly(), null, null);
    }

    /// <summary>A batch of prompts, written as a JSON array of strings.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="prompts"/> or one of its items is null.</exception>
    public static CompletionPrompt FromStrings(params string[] prompts) => FromStrings((IEnumerable<string>)prompts);

    /// <summary>One tokenized prompt, written as a JSON array of integers.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is null.</exception>
    public static CompletionPrompt FromTokens(IEnumerable<int> tokens) =>
        new(null, null, (tokens ?? throw new ArgumentNullException(nameof(tokens))).ToList().AsReadOnly(), null);

    /// <summary>One tokenized prompt, written as a JSON array of integers.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is null.</exception>
    public static CompletionPrompt FromTokens(params int[] tokens) => FromTokens((IEnumerable<int>)tokens);

    /// <summary>A batch of tokenized prompts, written as a JSON array of integer arrays.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokenArrays"/> or one of its items is null.</exception>
    public static CompletionPrompt FromTokenArrays(IEnumerable<IEnumerable<int>> tokenArrays)
    {
        var list = (tokenArrays ?? throw new ArgumentNullException(nameof(tokenArrays)))
            .Select(tokens => (IReadOnlyList<int>)(tokens ?? throw new ArgumentNullException(nameof(tokenArrays), "A token array is null.")).ToList().AsReadOnly())
            .ToList();
        return new(null, null, null, list.AsReadOnly());
    }

    /// <summary>Converts one prompt (see <see cref="FromString"/>).</summary>
    public static implicit operator CompletionPrompt(string prompt) => FromString(prompt);

    /// <summary>Converts a batch of prompts (see <see cref="FromStrings(string[])"/>).</summary>
    public static implicit operator CompletionPrompt(string[] prompts) => FromStrings(prompts);

    /// <summary>Converts one tokenized prompt (see <see cref="FromTokens(int[])"/>).</summary>
    public static implicit operator CompletionPrompt(int[] tokens) => FromTokens(tokens);

    /// <summary>Converts a batch of tokenized prompts (see <see cref="FromTokenArrays"/>).</summary>
    public static implicit operator CompletionPrompt(int[][] tokenArrays) => FromTokenArrays(tokenArrays);

    /// <summary>Gets the prompt when this is one string.</summary>
    public bool TryGetString([NotNullWhen(true)] out string? prompt)
    {
        prompt = _string;
        return prompt != null;
    }

    /// <summary>Gets the prompts when this is a batch of strings.</summary>
    public bool TryGetStrings([NotNullWhen(true)] out IReadOnlyList<string>? prompts)
    {
        prompts = _strings;
        return prompts != null;
    }

    /// <summary>Gets the token IDs when this is one tokenized prompt.</summary>
    public bool TryGetTokens([NotNullWhen(true)] out IReadOnlyList<int>? tokens)
    {
        tokens = _tokens;
        return tokens != null;
    }

    /// <summary>Gets the token-ID arrays when this is a batch of tokenized prompts.</summary>
    public bool TryGetTokenArrays([NotNullWhen(true)] out IReadOnlyList<IReadOnlyList<int>>? tokenArrays)
    {
        tokenArrays = _tokenArrays;
        return tokenArrays != null;
    }

    /// <summary>The JSON this is written as.</summary>
    public override string ToString() => JsonConvert.SerializeObject(this);
}
