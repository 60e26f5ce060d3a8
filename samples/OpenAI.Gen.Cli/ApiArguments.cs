using System;

namespace OpenAI.Gen.Cli;

/// <summary>The arguments the API commands share: <c>"prompt" [--model M] [--base-url URL] [--no-stream]</c>.</summary>
public sealed class ApiArguments
{
    private ApiArguments(string prompt, string? model, Uri? baseUrl, bool stream)
    {
        Prompt = prompt;
        Model = model;
        BaseUrl = baseUrl;
        Stream = stream;
    }

    /// <summary>The usage text of the shared options.</summary>
    public const string OptionsUsage = "[--model M] [--base-url URL] [--no-stream]";

    /// <summary>The text to send.</summary>
    public string Prompt { get; }

    /// <summary><c>--model</c>, or null for the command's default.</summary>
    public string? Model { get; }

    /// <summary><c>--base-url</c>: an OpenAI-compatible server to call instead of the default one.</summary>
    public Uri? BaseUrl { get; }

    /// <summary>False with <c>--no-stream</c>: wait for the whole answer.</summary>
    public bool Stream { get; }

    /// <summary>Reads <paramref name="args"/>; on bad usage returns null with the reason in <paramref name="problem"/>.</summary>
    public static ApiArguments? Parse(string[] args, out string? problem)
    {
        string? prompt = null, model = null;
        Uri? baseUrl = null;
        var stream = true;
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-stream":
                    stream = false;
                    break;
                case "--model" or "--base-url" when i + 1 >= args.Length:
                    problem = $"{args[i]} needs a value";
                    return null;
                case "--model":
                    model = args[++i];
                    break;
                case "--base-url":
                    if (!Uri.TryCreate(args[++i], UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
                    {
                        problem = $"--base-url needs an absolute http(s) URL, got '{args[i]}'";
                        return null;
                    }

                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    problem = $"unknown option '{option}'";
                    return null;
                default:
                    if (prompt != null)
                    {
                        problem = $"only one prompt can be given (quote it): '{prompt}', then '{args[i]}'";
                        return null;
                    }

                    prompt = args[i];
                    break;
            }
        }

        if (prompt == null)
        {
            problem = "no prompt given";
            return null;
        }

        return new ApiArguments(prompt, model, baseUrl, stream);
    }
}
