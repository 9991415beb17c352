using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Hosting;

/// <summary>
/// /readyz follows the storage account: ready while it answers, 503 while it is down, ready again when it
/// is back, without a restart of the app. Uses its own Azurite (on-disk, on a free loopback port) so that
/// stopping it disturbs no other test.
/// </summary>
public sealed class ReadinessProbe : IDisposable
{
    private readonly OwnAzurite _azurite = new();

    [Fact]
    public async Task FailsWhileStorageIsDownAndRecoversWhenItIsBack()
    {
        using var host = new AppHost("Development", new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionStringFor(_azurite.Port),
            ["Storage:TablePrefix"] = Azurite.UniquePrefix("ready"),
        });
        var client = host.CreateClient();

        var (status, body) = await WaitFor(client, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal("Healthy", body["checks"]?["storage"]?["status"]?.GetValue<string>());

        _azurite.Stop();
        (status, body) = await WaitFor(client, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        Assert.Equal("Unhealthy", body["status"]?.GetValue<string>());
        Assert.Equal("Storage is not reachable.", body["checks"]?["storage"]?["description"]?.GetValue<string>());

        _azurite.Start();
        (status, _) = await WaitFor(client, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>Polls /readyz until it answers <paramref name="expected"/>; fails with the last answer after the timeout.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode Body)> WaitFor(HttpClient client, HttpStatusCode expected, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected) return (response.StatusCode, JsonNode.Parse(text)!);
            if (DateTime.UtcNow > until)
                throw new Xunit.Sdk.XunitException($"/readyz did not answer {(int)expected} within {timeout}; last: {(int)response.StatusCode} {text}");
            await Task.Delay(250);
        }
    }

    public void Dispose() => _azurite.Dispose();

    /// <summary>An Azurite table service of this test's own, keeping its data on disk across a stop and start.</summary>
    private sealed class OwnAzurite : IDisposable
    {
        private readonly string _data = Directory.CreateTempSubdirectory("recbot-azurite-").FullName;
        private Process? _process;

        public OwnAzurite()
        {
            Port = Infrastructure.OwnAzurite.FreePort();
            Start();
        }

        public int Port { get; }

        public void Start()
        {
            var exe = Path.Combine(Azurite.RepoRoot(), "node_modules", ".bin", "azurite-table");
            if (!File.Exists(exe)) throw new InvalidOperationException("Azurite is not installed: run scripts/test.sh once (it runs npm ci).");
            var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(), "--location", _data,
                         "--disableTelemetry", "--skipApiVersionCheck", "--silent" })
                psi.ArgumentList.Add(arg);
            _process = Process.Start(psi)!;
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            WaitUntil(() => PortOpen(Port), "Azurite did not start");
        }

        /// <summary>A graceful stop (SIGINT: Azurite handles it, not SIGTERM), so it writes its tables to disk before it exits.</summary>
        public void Stop()
        {
            if (_process is null || _process.HasExited) return;
            using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])) kill.WaitForExit();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
            _process.Dispose();
            _process = null;
            WaitUntil(() => !PortOpen(Port), "Azurite did not stop");
        }

        public void Dispose()
        {
            try { Stop(); }
            finally
            {
                _process?.Kill(entireProcessTree: true);
                try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
            }
        }

        private static void WaitUntil(Func<bool> condition, string failure)
        {
            var until = DateTime.UtcNow.AddSeconds(15);
            while (!condition())
            {
                if (DateTime.UtcNow > until) throw new InvalidOperationException(failure);
                Thread.Sleep(100);
            }
        }

        private static bool PortOpen(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
