using System.Diagnostics;
using System.Text.RegularExpressions;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Infra;

/// <summary>One diagnostic the Bicep CLI printed, e.g. <c>main.bicep(3,7) : Warning no-unused-params: ...</c>.</summary>
public sealed record BicepDiagnostic(string File, int Line, int Column, string Level, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}) {Level} {Code}: {Message}";
}

/// <summary>
/// The outcome of one Bicep CLI run. The CLI exits 0 when there are only warnings, so a run is clean only
/// when it exited 0 AND printed nothing at all on stderr (every diagnostic, of any level, goes there).
/// </summary>
public sealed record BicepRun(string Command, int ExitCode, IReadOnlyList<BicepDiagnostic> Diagnostics, IReadOnlyList<string> OtherOutput)
{
    public bool IsClean => ExitCode == 0 && Diagnostics.Count == 0 && OtherOutput.Count == 0;

    public string Describe() =>
        $"`{Command}` exited {ExitCode}" +
        string.Concat(Diagnostics.Select(d => "\n  " + d)) +
        string.Concat(OtherOutput.Select(l => "\n  (stderr) " + l));
}

/// <summary>Runs the Bicep CLI that scripts/ensure-bicep.sh restores from NuGet.</summary>
public static partial class BicepCli
{
    private static readonly Lazy<string> _path = new(Restore);

    public static string Path => _path.Value;

    /// <summary><c>bicep build --pattern</c> over every .bicep file under <paramref name="folder"/>, in one process.</summary>
    public static BicepRun BuildAll(string folder, string outDir) =>
        Run(folder, ["build", "--pattern", "**/*.bicep", "--outdir", outDir]);

    /// <summary><c>bicep build-params</c> with the given environment variables (what readEnvironmentVariable sees).</summary>
    public static BicepRun BuildParams(string paramFile, string outFile, IReadOnlyDictionary<string, string?> environment) =>
        Run(System.IO.Path.GetDirectoryName(paramFile)!, ["build-params", paramFile, "--outfile", outFile], environment);

    private static BicepRun Run(string workingDirectory, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) psi.Environment[name] = value;

        var (exitCode, _, stderr) = RunToEnd(psi, TimeSpan.FromMinutes(2));
        var diagnostics = new List<BicepDiagnostic>();
        var other = new List<string>();
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = DiagnosticLine().Match(line);
            if (m.Success)
                diagnostics.Add(new BicepDiagnostic(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value),
                    m.Groups["level"].Value, m.Groups["code"].Value, m.Groups["message"].Value));
            else
                other.Add(line);
        }
        return new BicepRun("bicep " + string.Join(' ', args), exitCode, diagnostics, other);
    }

    private static string Restore()
    {
        var script = System.IO.Path.Combine(Azurite.RepoRoot(), "scripts", "ensure-bicep.sh");
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        var (exitCode, stdout, stderr) = RunToEnd(psi, TimeSpan.FromMinutes(5));
        var path = stdout.Trim();
        if (exitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"scripts/ensure-bicep.sh failed ({exitCode}): {stderr}");
        return path;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunToEnd(ProcessStartInfo psi, TimeSpan timeout)
    {
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {psi.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{psi.FileName} {string.Join(' ', psi.ArgumentList)} did not finish in {timeout}.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<col>\d+)\) : (?<level>Error|Warning|Info|Hint)\s+(?<code>[^\s:]+): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}
