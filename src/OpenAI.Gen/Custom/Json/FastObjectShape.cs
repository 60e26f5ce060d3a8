using System;
using System.Collections.Generic;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>What <see cref="Utf8FastReader"/> knows of one DTO type, taken from the Newtonsoft contract the serializer itself uses.</summary>
internal sealed class FastObjectShape
{
    // Per member (and at 0 for the start), the index of the member that came next in the last object read.
    private readonly int[] _following;

    private FastObjectShape(JsonObjectContract contract, FastMember[] members)
    {
        CreateInstance = contract.DefaultCreator!;
        Members = members;
        _following = new int[members.Length + 1];
        _following.AsSpan().Fill(-1);
        ExtensionDataSetter = contract.ExtensionDataSetter;
    }

    public Func<object> CreateInstance { get; }

    public FastMember[] Members { get; }

    public ExtensionDataSetter? ExtensionDataSetter { get; }

    /// <summary>Whether Newtonsoft reads <paramref name="contract"/> in a way this reader copies exactly.</summary>
    public static bool IsEligible(JsonContract contract) =>
        contract is JsonObjectContract o && o.Converter == null && o.DefaultCreator != null && !o.DefaultCreatorNonPublic
        && o.CreatorParameters.Count == 0 && o.OverrideCreator == null && o.ItemRequired == null && o.ItemConverter == null
        && o.OnDeserializingCallbacks.Count == 0 && o.OnDeserializedCallbacks.Count == 0 && o.OnErrorCallbacks.Count == 0
        && o.IsReference != true && o.MissingMemberHandling == null && o.Properties.Count <= 64;

    /// <summary>The shape of <paramref name="type"/>, or null when it is read by Newtonsoft alone.</summary>
    public static FastObjectShape? Create(Type type, IContractResolver resolver)
    {
        var contract = resolver.ResolveContract(type);
        if (!IsEligible(contract))
        {
            return null;
        }

        var members = new List<FastMember>();
        foreach (var property in ((JsonObjectContract)contract).Properties)
        {
            if (FastMember.Create(property, resolver) is not { } member)
            {
                return null;
            }

            members.Add(member);
        }

        return new FastObjectShape((JsonObjectContract)contract, members.ToArray());
    }

    /// <summary>
    /// The index of the member named <paramref name="utf8Name"/>, or -1. Servers write an object's members in the same
    /// order every time (every chunk of a stream alike), so the member that followed <paramref name="previous"/> (-1:
    /// the first member) last time is tried first, and what was found is remembered; the order is only a guess, never
    /// needed. Races only cost a guess.
    /// </summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Name, int previous)
    {
        var guess = _following[previous + 1];
        if (guess >= 0 && utf8Name.SequenceEqual(Members[guess].Name))
        {
            return guess;
        }

        for (var i = 0; i < Members.Length; i++)
        {
            if (utf8Name.SequenceEqual(Members[i].Name))
            {
                _following[previous + 1] = i;
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether Newtonsoft would give <paramref name="name"/> a meaning this reader does not copy: metadata, or a known member in other case.</summary>
    public bool IsSpecial(string name)
    {
        if (name.StartsWith("$", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var member in Members)
        {
            if (string.Equals(member.Property.PropertyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
