using System.Diagnostics;
using System.Text.Json;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Contracts;

/// <summary>
/// Checks rendered cards with the official Adaptive Cards JS library (tests/contracts/adaptive-card-check.js),
/// targeting schema 1.5: any parse warning, validation error or dropped property fails. One node process serves
/// the whole test run, one card per line.
/// </summary>
public static class AdaptiveCardContract
{
    private static readonly Lazy<Process> _node = new(Start);
    private static readonly Lock _gate = new();

    public static IReadOnlyList<string> Problems(JsonElement card)
    {
        var line = JsonSerializer.Serialize(card);
        lock (_gate)
        {
            var node = _node.Value;
            node.StandardInput.WriteLine(line);
            node.StandardInput.Flush();
            var answer = node.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException("The card checker stopped: " + node.StandardError.ReadToEnd());
            using var report = JsonDocument.Parse(answer);
            return [.. report.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)];
        }
    }

    public static void AssertValid(JsonElement card)
    {
        var problems = Problems(card);
        Assert.True(problems.Count == 0,
            "The Adaptive Cards library found problems:\n  " + string.Join("\n  ", problems) + "\nin card:\n" + card);
    }

    private static Process Start()
    {
        var script = Path.Combine(Azurite.RepoRoot(), "tests", "contracts", "adaptive-card-check.js");
        var psi = new ProcessStartInfo("node", [script, "--serve"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start node.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
        };
        return process;
    }
}
