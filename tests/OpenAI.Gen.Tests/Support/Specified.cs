namespace OpenAI.Gen.Tests.Support;

/// <summary>Whether a DTO member was set ("was this member set", which decides whether it is written), as the serializer reads it.</summary>
public static class Specified
{
    /// <summary>Whether <paramref name="member"/> (the C# name) of <paramref name="dto"/> was set.</summary>
    public static bool IsSet(object dto, string member) => OpenAIJson.IsSet(dto, member);
}
