using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SuperTickets.Mail;

namespace SuperTickets.Cli.Commands;

/// <summary><c>supertickets parse FILE.eml|DIR... [--json]</c>: parses messages and prints a summary or JSON.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Message files (.eml) or directories of them",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON: one object for one file, JSON Lines for several" };
        var command = new Command("parse", "Parse MIME messages and show what the pipeline would read from them");
        command.Arguments.Add(paths);
        command.Options.Add(json);
        command.SetAction(parseResult => Run(parseResult.GetValue(paths) ?? [], parseResult.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    private static int Run(string[] paths, bool json, TextWriter output, TextWriter error)
    {
        var files = Expand(paths, out var single);
        if (files.Count == 0)
        {
            error.WriteLine("No message files found.");
            return 2;
        }

        var failures = 0;
        var options = new JsonWriterOptions { Indented = single, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var file in files)
        {
            ParsedEmail? email = null;
            string? problem = null;
            try
            {
                email = MimeParser.Parse(File.ReadAllBytes(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = ex.Message;
                failures++;
            }

            if (json)
            {
                WriteJson(output, options, file, email, problem);
            }
            else if (email is not null)
            {
                WriteSummary(output, file, email);
            }
            else
            {
                error.WriteLine($"{file}: {problem}");
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static List<string> Expand(string[] paths, out bool single)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        single = paths.Length == 1 && files.Count == 1 && !Directory.Exists(paths[0]);
        return files;
    }

    private static void WriteJson(TextWriter output, JsonWriterOptions options, string file, ParsedEmail? email, string? problem)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            if (email is not null)
            {
                ParsedEmailJson.Write(writer, email, file);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("file", file);
                writer.WriteString("error", problem);
                writer.WriteEndObject();
            }
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteSummary(TextWriter output, string file, ParsedEmail email)
    {
        var noise = MailNoiseDetector.Detect(email, string.Empty);
        output.WriteLine(file);
        output.WriteLine($"  From:        {email.From?.ToString() ?? "(none)"}");
        output.WriteLine($"  To:          {string.Join(", ", email.To)}");
        output.WriteLine($"  Subject:     {email.Subject ?? "(none)"}");
        output.WriteLine($"  Date:        {email.Date?.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}");
        output.WriteLine($"  Message-ID:  {email.MessageId ?? "(none)"}");
        output.WriteLine($"  Body:        {(email.TextBody is not null ? "text" : email.HtmlBody is not null ? "html" : "none")}, {email.BestTextBody.Length} characters");
        output.WriteLine($"  Attachments: {email.Attachments.Count}{string.Concat(email.Attachments.Select(a => $"\n    {a.FileName ?? "(unnamed)"} {a.ContentType} {a.Size} bytes"))}");
        output.WriteLine($"  Noise:       {(noise.IsNoise ? $"{noise.Kind} ({noise.Reason})" : "none")}");
        if (email.Defects.Count > 0)
        {
            output.WriteLine($"  Defects:     {string.Join("; ", email.Defects)}");
        }
    }
}
