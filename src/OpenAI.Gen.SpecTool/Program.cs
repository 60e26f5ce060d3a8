using System;
using System.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>Entry point of the spec tool.</summary>
public static class Program
{
    private const string Usage = "usage: OpenAI.Gen.SpecTool normalize --spec <openapi.yaml> --out <file.json> --enums <file.cs> --nswag-config <nswag.json> --nswag-out <file.json> [--known-values <file.cs>] [--union Name=Schema.prop,...]";

    private const string OtherCommands = "\n       OpenAI.Gen.SpecTool normalize ... [--union-members \"Name=Member=shape, Member=shape\"] [--union-tags <file.cs>] [--unions <file.cs>] [--constructors <file.cs>] [--summary <file.json>] [--stream operationId=EventSchema] [--reserved TypeName]"
        + "\n       OpenAI.Gen.SpecTool cut --spec <upstream openapi.yaml> --out <openapi/openai.yaml> [--operation \"POST /chat/completions\" ...] [--tag Chat ...]"
        + "\n       OpenAI.Gen.SpecTool check-partials --generated <file.g.cs> ... [--nswag-config <nswag.json>] [--standalone TypeName ...] [--stamp <file>] <hand-written .cs files>";

    /// <summary>Runs a command.</summary>
    public static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "normalize" => NormalizeCommand.Run(args.Skip(1).ToList(), Console.Out),
                "cut" => CutCommand.Run(args.Skip(1).ToList(), Console.Out),
                "check-partials" => CheckPartialsCommand.Run(args.Skip(1).ToList(), Console.Out),
                _ => Fail(Usage + OtherCommands),
            };
        }
        catch (SpecException e)
        {
            return Fail(e.Message);
        }
        catch (ArgumentException e)
        {
            return Fail("error OAIGEN002: " + e.Message + Environment.NewLine + Usage + OtherCommands);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
