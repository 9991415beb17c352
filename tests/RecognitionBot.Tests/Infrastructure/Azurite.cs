using System.Diagnostics;
using System.Net.Sockets;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>
/// The real Table Storage emulator the integration tests run against. scripts/test.sh starts it and
/// exports its connection string; run from an IDE, the first test starts it from node_modules.
/// </summary>
public static class Azurite
{
    public const int DefaultPort = 10102;
    private static readonly Lazy<string> _connectionString = new(Start);

    public static string ConnectionString => _connectionString.Value;

    /// <summary>A table-name prefix no other test class or run shares.</summary>
    public static string UniquePrefix(string hint = "t") =>
        (new string(hint.Where(char.IsAsciiLetterOrDigit).Take(12).ToArray()) + Guid.NewGuid().ToString("N")[..10]).ToLowerInvariant();

    private static string Start()
    {
        var fromEnv = Environment.GetEnvironmentVariable("RECOGNITIONBOT_TEST_STORAGE");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;

        if (!PortOpen(DefaultPort))
        {
            var root = RepoRoot();
            var exe = Path.Combine(root, "node_modules", ".bin", "azurite-table");
            if (!File.Exists(exe))
                throw new InvalidOperationException("Azurite is not installed: run scripts/test.sh once (it runs npm ci).");
            var psi = new ProcessStartInfo(
                exe, $"--tableHost 127.0.0.1 --tablePort {DefaultPort} --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --silent")
            { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            Process.Start(psi);
            var until = DateTime.UtcNow.AddSeconds(15);
            while (!PortOpen(DefaultPort))
            {
                if (DateTime.UtcNow > until) throw new InvalidOperationException("Azurite did not start.");
                Thread.Sleep(100);
            }
        }
        return ConnectionStringFor(DefaultPort);
    }

    public static string ConnectionStringFor(int port) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RecognitionBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }

    public static bool PortOpen(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
