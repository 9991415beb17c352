using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RecognitionBot.Bench;

/// <summary>
/// The bare Bolt for JavaScript app of <c>bench/bolt-peer/app.js</c> as a process of its own on a free loopback port:
/// the yardstick for the host's ack path. Null (and a note) when <c>@slack/bolt</c> is not installed.
/// </summary>
internal sealed class BoltPeer : IAsyncDisposable
{
    private readonly Process _process;

    private BoltPeer(Process process, int port)
    {
        _process = process;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseUrl { get; }

    public static async Task<BoltPeer?> StartAsync(string signingSecret)
    {
        var root = SlackBenchmark.Root();
        if (!Directory.Exists(Path.Combine(root, "node_modules", "@slack", "bolt")))
        {
            Console.WriteLine("@slack/bolt is not installed (npm ci in the repository root): the Bolt peer is left out");
            return null;
        }
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var psi = new ProcessStartInfo(
            "node")
        { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        psi.ArgumentList.Add(Path.Combine(root, "bench", "bolt-peer", "app.js"));
        psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.Environment["SLACK_SIGNING_SECRET"] = signingSecret;
        psi.Environment.Remove("NODE_OPTIONS");
        var process = Process.Start(psi)!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("listening", StringComparison.Ordinal) == true) listening.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("bolt: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new BoltPeer(process, port);
        // Stopped with Ctrl+C or by a timeout, the benchmark still takes the peer down with it.
        AppDomain.CurrentDomain.ProcessExit += peer.Stop;
        if (await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30))) != listening.Task)
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException("The Bolt peer did not start (see the bolt: lines above).");
        }
        return peer;
    }

    private void Stop(object? sender, EventArgs e)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= Stop;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
