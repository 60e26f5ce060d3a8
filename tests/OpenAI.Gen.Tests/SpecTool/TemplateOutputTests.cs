using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.SpecTool;

/// <summary>
/// The library's templates run by NSwag, as the build runs them, on a small spec of the test's own with the shapes the
/// seed lacks: a multipart upload, a binary answer, a binary answer that also offers JSON, and a schema named like
/// NSwag's file answer type.
/// </summary>
public class TemplateOutputTests
{
    private const string Spec = """
        openapi: 3.0.0
        info: { title: shapes, version: "1" }
        servers: [{ url: "https://api.example.test/v1" }]
        paths:
          /uploads:
            post:
              operationId: createUpload
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema: { $ref: "#/components/schemas/CreateUploadRequest" }
              responses:
                "200":
                  description: the upload
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/FileResponse" }
          /speech:
            post:
              operationId: createSpeech
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/CreateSpeechRequest" }
              responses:
                "200":
                  description: audio
                  content:
                    audio/mpeg:
                      schema: { type: string, format: binary }
          /videos/{video_id}/content:
            get:
              operationId: getVideoContent
              parameters:
                - { name: video_id, in: path, required: true, schema: { type: string } }
              responses:
                "200":
                  description: the video, or JSON
                  content:
                    video/mp4:
                      schema: { type: string, format: binary }
                    application/json:
                      schema: { type: string }
        components:
          schemas:
            CreateUploadRequest:
              type: object
              required: [file]
              properties:
                file: { type: string, format: binary }
                purpose: { type: string }
            CreateSpeechRequest:
              type: object
              required: [input]
              properties:
                input: { type: string }
            FileResponse:
              type: object
              required: [id]
              properties:
                id: { type: string }
        """;

    private static string? _source;

    [Test]
    public void NSwags_upload_and_file_answer_types_are_not_generated()
    {
        var source = Generated();

        Assert.That(Regex.Matches(source, @"\bFile(Parameter|Response)\b").Select(m => m.Value), Is.Empty);
        Assert.That(source, Does.Contain("public partial class FileResponseObject"), "the spec's own FileResponse keeps its members under another name");
    }

    [Test]
    public void Uploads_take_an_OpenAIFile_and_binary_answers_are_streams_also_where_JSON_is_offered_besides()
    {
        var source = Generated();

        Assert.Multiple(() =>
        {
            Assert.That(source, Does.Contain("System.Threading.Tasks.Task<FileResponseObject> CreateUploadAsync(OpenAIFile file, string? purpose,"));
            Assert.That(source, Does.Contain("System.Threading.Tasks.Task<System.IO.Stream> CreateSpeechAsync(CreateSpeechRequest body,"));
            Assert.That(source, Does.Contain("System.Threading.Tasks.Task<System.IO.Stream> GetVideoContentAsync(string video_id,"));
            Assert.That(source, Does.Contain("return _core.SendForStreamAsync(OpenAIOperations.GetVideoContent,"));
            Assert.That(source, Does.Contain("new OperationAnswer(\"200\", \"audio/mpeg\")"));
            Assert.That(source, Does.Match(@"new OperationAnswer\(""200"", ""video/mp4""\),\s+new OperationAnswer\(""200"", ""application/json""\),"));
        });
    }

    /// <summary>
    /// On whatever spec the library was built from (a regenerated cut with uploads and binary answers included), no type
    /// of NSwag's is in the library.
    /// </summary>
    [Test]
    public void The_built_library_has_no_NSwag_file_types()
    {
        var names = typeof(OpenAIClient).Assembly.GetTypes().Select(t => t.Name);

        Assert.That(names, Has.None.EqualTo("FileParameter").And.None.EqualTo("FileResponse"));
    }

    // Generated once for the fixture: the spec tool's normalize (as the build passes it the reserved names), then NSwag
    // with the repository's nswag.json and templates.
    private static string Generated()
    {
        if (_source != null)
        {
            return _source;
        }

        var dir = Directory.CreateTempSubdirectory("openai-gen-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "spec.yaml"), Spec);
            var args = new List<string>
            {
                "--spec", Path.Combine(dir, "spec.yaml"), "--out", Path.Combine(dir, "openai.nswag.json"), "--enums", Path.Combine(dir, "Enums.g.cs"),
                "--nswag-config", Path.Combine(Repo.Root, "nswag.json"), "--nswag-out", Path.Combine(dir, "nswag.json"),
            };
            foreach (var name in ReservedNames())
            {
                args.Add("--reserved");
                args.Add(name);
            }

            Assert.That(NormalizeCommand.Run(args, TextWriter.Null), Is.Zero);
            var output = Path.Combine(dir, "OpenAIClient.g.cs");
            var nswag = Path.Combine(NSwagDir(), "dotnet-nswag.dll");
            var variables = $"Spec={Path.Combine(dir, "openai.nswag.json")},Output={output},Templates={Path.Combine(Repo.Root, "src", "OpenAI.Gen", "Templates")}";
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { nswag, "run", Path.Combine(dir, "nswag.json"), "/variables:" + variables })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "NSwag did not finish within 3 minutes");
            Assert.That(process.ExitCode, Is.Zero, stdout.Result + stderr.Result);
            return _source = File.ReadAllText(output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IEnumerable<string> ReservedNames() =>
        XDocument.Load(Path.Combine(Repo.Root, "src", "OpenAI.Gen", "OpenAI.Gen.Generation.targets"))
            .Descendants().Where(e => e.Name.LocalName == "OpenAIGenReservedName")
            .SelectMany(e => e.Attribute("Include")!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries));

    private static string NSwagDir() =>
        typeof(TemplateOutputTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NSwagDir").Value
        ?? throw new InvalidOperationException("the test assembly does not say where NSwag is");
}
