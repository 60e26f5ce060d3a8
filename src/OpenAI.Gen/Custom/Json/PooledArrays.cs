using System;
using System.Buffers;

namespace OpenAI.Gen;

/// <summary>Growing a buffer rented from the shared pool (the request writers' text buffers).</summary>
internal static class PooledArrays
{
    /// <summary>
    /// Makes room for <paramref name="count"/> more items after the first <paramref name="length"/> of
    /// <paramref name="buffer"/>: a pooled array at least twice as large takes them, and the old one goes back.
    /// </summary>
    public static void Reserve<T>(ref T[] buffer, int length, int count)
    {
        if (length + count <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<T>.Shared.Rent(Math.Max(buffer.Length * 2, length + count));
        Array.Copy(buffer, larger, length);
        ArrayPool<T>.Shared.Return(buffer);
        buffer = larger;
    }
}
