using System.Buffers;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>Lends Newtonsoft's readers their char buffers from the shared pool, so a reader per event costs no buffer.</summary>
internal sealed class JsonCharArrayPool : IArrayPool<char>
{
    public static readonly JsonCharArrayPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array != null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
