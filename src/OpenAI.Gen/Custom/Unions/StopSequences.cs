using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// The <c>stop</c> member: one stop sequence (a JSON string) or several (a JSON array of strings, up to 4 for the API).
/// It is written in the shape it was created or read with: a string stays a string, an array stays an array.
/// </summary>
/// <example><code>request.Stop = "\n";  request.Stop = new[] { "\n", "END" };</code></example>
[JsonConverter(typeof(StopSequencesConverter))]
public sealed class StopSequences
{
    private readonly string? _string;
    private readonly ReadOnlyCollection<string>? _list;

    private StopSequences(string? value, ReadOnlyCollection<string>? list)
    {
        _string = value;
        _list = list;
    }

    /// <summary>Whether this is one sequence, written as a JSON string.</summary>
    public bool IsString => _string != null;

    /// <summary>Whether this is a list of sequences, written as a JSON array.</summary>
    public bool IsList => _list != null;

    /// <summary>Every sequence, whatever the shape (one item when <see cref="IsString"/>).</summary>
    public IReadOnlyList<string> Sequences => _list ?? (IReadOnlyList<string>)new[] { _string! };

    /// <summary>One sequence, written as a JSON string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sequence"/> is null.</exception>
    public static StopSequences FromString(string sequence) =>
        new(sequence ?? throw new ArgumentNullException(nameof(sequence)), null);

    /// <summary>Several sequences, written as a JSON array (also when there is only one).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sequences"/> or one of its items is null.</exception>
    public static StopSequences FromList(IEnumerable<string> sequences)
    {
        var list = (sequences ?? throw new ArgumentNullException(nameof(sequences))).ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(sequences), "A stop sequence is null.");
        }

        return new(null, list.AsReadOnly());
    }

    /// <summary>Several sequences, written as a JSON array (also when there is only one).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sequences"/> or one of its items is null.</exception>
    public static StopSequences FromList(params string[] sequences) => FromList((IEnumerable<string>)sequences);

    /// <summary>Converts one sequence (see <see cref="FromString"/>).</summary>
    public static implicit operator StopSequences(string sequence) => FromString(sequence);

    /// <summary>Converts several sequences (see <see cref="FromList(string[])"/>).</summary>
    public static implicit operator StopSequences(string[] sequences) => FromList(sequences);

    /// <summary>Gets the sequence when this is one string.</summary>
    public bool TryGetString([NotNullWhen(true)] out string? sequence)
    {
        sequence = _string;
        return sequence != null;
    }

    /// <summary>Gets the sequences when this is a list.</summary>
    public bool TryGetList([NotNullWhen(true)] out IReadOnlyList<string>? sequences)
    {
        sequences = _list;
        return sequences != null;
    }

    /// <summary>The JSON this is written as.</summary>
    public override string ToString() => JsonConvert.SerializeObject(this);
}
