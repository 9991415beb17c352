using System.Diagnostics;

namespace RecognitionBot.Tests.Contracts;

/// <summary>Runs one of the repository's scripts or the official validators and captures what it says.</summary>
public static class ExternalTool
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish.");
        }
        return new Outcome(process.ExitCode, output.Result, error.Result);
    }
}
