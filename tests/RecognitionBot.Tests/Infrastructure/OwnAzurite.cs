using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>
/// An Azurite of the test's own on a free loopback port, for tests that pause it (SIGSTOP/SIGCONT) or need to
/// know it is theirs. Killed on dispose.
/// </summary>
public sealed class OwnAzurite : IDisposable
{
    private readonly Process _process;

    public int Port { get; }
    public string ConnectionString => Azurite.ConnectionStringFor(Port);

    private OwnAzurite(Process process, int port) => (_process, Port) = (process, port);

    public static async Task<OwnAzurite> StartAsync()
    {
        var port = FreePort();
        var exe = Path.Combine(Azurite.RepoRoot(), "node_modules", ".bin", "azurite-table");
        var psi = new ProcessStartInfo(exe, $"--tableHost 127.0.0.1 --tablePort {port} --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --silent")
        { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        var azurite = new OwnAzurite(Process.Start(psi)!, port);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!Azurite.PortOpen(port))
        {
            if (DateTime.UtcNow > until) { azurite.Dispose(); throw new InvalidOperationException("Azurite did not start."); }
            await Task.Delay(100);
        }
        return azurite;
    }

    /// <summary>Freezes the process (SIGSTOP): connections are accepted by the kernel but nothing answers.</summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    private void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{name} {_process.Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {_process.Id} failed.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try { Resume(); } catch (InvalidOperationException) { }
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
