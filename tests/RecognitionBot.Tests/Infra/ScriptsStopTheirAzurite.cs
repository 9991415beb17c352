using System.Diagnostics;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Infra;

/// <summary>
/// scripts/lib.sh's start_azurite (used by test.sh, bench/run.sh and run-local.sh) stops the Azurite it started when
/// the script exits, and leaves alone one that was already running.
/// </summary>
public sealed class ScriptsStopTheirAzurite
{
    [Fact]
    public async Task StopsTheAzuriteItStartedWhenTheScriptExits()
    {
        var port = OwnAzurite.FreePort();

        var (exitCode, output) = await RunAsync($"start_azurite {port} in-memory; port_open {port} && echo up");

        Assert.True(exitCode == 0, output);
        Assert.Contains("up", output);
        Assert.False(Azurite.PortOpen(port), "the Azurite the script started still answers after it exited");
    }

    [Fact]
    public async Task StopsTheAzuriteItStartedWhenTheScriptFails()
    {
        var port = OwnAzurite.FreePort();

        var (exitCode, output) = await RunAsync($"start_azurite {port} in-memory; port_open {port} && echo up; false");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("up", output);
        Assert.False(Azurite.PortOpen(port), "the Azurite the script started still answers after it failed");
    }

    [Fact]
    public async Task LeavesAnAzuriteThatWasAlreadyRunning()
    {
        using var running = await OwnAzurite.StartAsync();

        var (exitCode, output) = await RunAsync($"start_azurite {running.Port} in-memory");

        Assert.True(exitCode == 0, output);
        Assert.True(Azurite.PortOpen(running.Port), "the script stopped an Azurite it did not start");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script)
    {
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"source \"$0\"; {script}");
        psi.ArgumentList.Add(Path.Combine(Azurite.RepoRoot(), "scripts", "lib.sh"));
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
