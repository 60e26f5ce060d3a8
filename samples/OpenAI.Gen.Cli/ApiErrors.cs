using System;
using System.Collections.Generic;
using System.IO;

namespace OpenAI.Gen.Cli;

/// <summary>What the API commands print on stderr: a failed call as one line, an unusual end of an answer.</summary>
public static class ApiErrors
{
    /// <summary>Says on <paramref name="error"/> when an answer ended for another reason than <c>stop</c> (e.g. <c>length</c>).</summary>
    public static void NoteFinishReason(string? finishReason, TextWriter error)
    {
        if (finishReason is not null and not "stop")
        {
            error.WriteLine($"openai-gen: the answer ended with finish_reason '{finishReason}'.");
        }
    }

    /// <summary>The exit code of a failed call.</summary>
    public const int ExitCode = 1;

    /// <summary>The exit code of a call stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>Says that the call was stopped and returns <see cref="CancelledExitCode"/>.</summary>
    public static int Cancelled(TextWriter error)
    {
        error.WriteLine("openai-gen: cancelled.");
        return CancelledExitCode;
    }

    /// <summary>Writes <paramref name="exception"/> as one line (status, type, code, request id, message) and returns <see cref="ExitCode"/>.</summary>
    public static int Report(OpenAIException exception, TextWriter error)
    {
        var parts = new List<string>();
        if (exception.StatusCode != 0)
        {
            parts.Add("HTTP " + exception.StatusCode);
        }

        if (exception.ErrorType != null)
        {
            parts.Add("type " + exception.ErrorType);
        }

        if (exception.ErrorCode != null)
        {
            parts.Add("code " + exception.ErrorCode);
        }

        if (exception.Param != null)
        {
            parts.Add("param " + exception.Param);
        }

        if (exception.RequestId != null)
        {
            parts.Add("request id " + exception.RequestId);
        }

        var message = exception.ErrorMessage ?? exception.Message;
        parts.Add(string.Join(" ", message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        error.WriteLine("error: " + string.Join(", ", parts));
        return ExitCode;
    }
}
