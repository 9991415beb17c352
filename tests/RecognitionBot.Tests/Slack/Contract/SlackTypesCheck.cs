using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Slack.Contract;

public enum SlackSurface
{
    /// <summary>A blocks array (<c>KnownBlock[]</c>).</summary>
    Blocks,

    /// <summary>A message body: chat.postMessage / chat.update / a command reply (text + <c>KnownBlock[]</c>).</summary>
    Message,

    /// <summary>A modal for views.open (<c>ModalView</c>).</summary>
    Modal,

    /// <summary>A view_submission answer with field errors.</summary>
    ViewErrors,

    /// <summary>An App Home tab for views.publish (<c>HomeView</c>).</summary>
    Home,
}

/// <summary>One rendered payload, named so a failure says which renderer produced it.</summary>
public sealed record SlackPayload(string Name, SlackSurface Surface, string Json)
{
    public static SlackPayload Of(string name, IReadOnlyList<Block> blocks) => new(name, SlackSurface.Blocks, SlackJson.Serialize(blocks));

    public static SlackPayload Of(string name, SlackMessage message) => new(name, SlackSurface.Message, SlackJson.Serialize(message));

    public static SlackPayload Of(string name, SlackCommandReply reply) => new(name, SlackSurface.Message, SlackJson.Serialize(reply));

    public static SlackPayload Of(string name, ModalView view) => new(name, SlackSurface.Modal, SlackJson.Serialize(view));

    public static SlackPayload Of(string name, HomeTabView view) => new(name, SlackSurface.Home, SlackJson.Serialize(view));

    public static SlackPayload Of(string name, SlackViewErrors errors) => new(name, SlackSurface.ViewErrors, SlackJson.Serialize(errors));
}

/// <summary>
/// The contract check: writes the payloads into a TypeScript file as constants typed with Slack's own
/// <c>@slack/types</c> and runs <c>tsc --noEmit</c> over it. Each tsc error is traced back to the payload on its line.
/// </summary>
public static partial class SlackTypesCheck
{
    private const string Prelude = """
        type Message = { text: string; blocks?: KnownBlock[]; response_type?: 'ephemeral' | 'in_channel'; replace_original?: boolean };
        type ViewErrors = { response_action: 'errors'; errors: Record<string, string> };
        """;

    /// <summary>Payload name to tsc's complaints; empty when Slack's types accept everything.</summary>
    public static IReadOnlyDictionary<string, List<string>> Check(IReadOnlyList<SlackPayload> payloads)
    {
        var root = Azurite.RepoRoot();
        var types = Path.Combine(root, "node_modules", "@slack", "types");
        var tsc = Path.Combine(root, "node_modules", "typescript", "bin", "tsc");
        if (!Directory.Exists(types) || !File.Exists(tsc))
            throw new InvalidOperationException("@slack/types and typescript are not installed: run scripts/test.sh once (it runs npm ci).");

        var dir = Directory.CreateTempSubdirectory("slack-contract-");
        try
        {
            var source = new StringBuilder();
            source.AppendLine($"import type {{ KnownBlock, ModalView, HomeView }} from '{types.Replace('\\', '/')}';");
            source.AppendLine(Prelude);
            var firstLine = source.ToString().Split('\n').Length;
            for (var i = 0; i < payloads.Count; i++)
            {
                var type = payloads[i].Surface switch
                {
                    SlackSurface.Blocks => "KnownBlock[]",
                    SlackSurface.Message => "Message",
                    SlackSurface.Modal => "ModalView",
                    SlackSurface.ViewErrors => "ViewErrors",
                    SlackSurface.Home => "HomeView",
                    _ => throw new ArgumentOutOfRangeException(nameof(payloads)),
                };
                // One payload per line (the JSON is compact), so a tsc line number names its payload.
                source.AppendLine($"export const p{i}: {type} = {payloads[i].Json};");
            }
            var file = Path.Combine(dir.FullName, "payloads.ts");
            File.WriteAllText(file, source.ToString());

            var output = RunTsc(tsc, file);
            var errors = new Dictionary<string, List<string>>();
            string? current = null;
            foreach (var line in output.Split('\n'))
            {
                var m = ErrorLine().Match(line);
                if (m.Success)
                {
                    var index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - firstLine;
                    current = index >= 0 && index < payloads.Count ? payloads[index].Name : "(prelude)";
                    if (!errors.TryGetValue(current, out var list)) errors[current] = list = [];
                    list.Add(m.Groups[2].Value.Trim());
                }
                else if (current is not null && line.StartsWith(' '))
                {
                    errors[current][^1] += " " + line.Trim();
                }
            }
            if (errors.Count == 0 && output.Contains("error", StringComparison.Ordinal))
                errors["(tsc)"] = [output];
            return errors;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static void AssertValid(IReadOnlyList<SlackPayload> payloads)
    {
        var errors = Check(payloads);
        Assert.True(errors.Count == 0, "Slack's types reject:\n" + string.Join("\n", errors.Select(e => $"- {e.Key}: {string.Join(" | ", e.Value)}")));
    }

    private static string RunTsc(string tsc, string file)
    {
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { tsc, "--noEmit", "--strict", "--skipLibCheck", "--pretty", "false", "--target", "es2022", "--module", "commonjs",
            "--moduleResolution", "node", file })
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tsc did not finish.");
        }
        return stdout.Result + stderr.Result;
    }

    [GeneratedRegex(@"payloads\.ts\((\d+),\d+\): error (.*)$")]
    private static partial Regex ErrorLine();
}
