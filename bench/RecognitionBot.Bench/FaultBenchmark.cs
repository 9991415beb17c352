using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Bench;

/// <summary>
/// Posts through crashes and restarts: signed <c>/kudos</c> from several senders to the real host process while it
/// is killed (SIGKILL) and restarted, then stopped gracefully (SIGTERM) and restarted; optionally with a second host
/// on the same storage that stays up. A Slack stand-in records every post with its content, so each celebration and
/// DM is traced to its kudos. Prints, per kind of restart: acknowledged kudos, the ledger check, lost and repeated posts.
/// With <c>--memory</c> it instead sends many kudos among many people to one host and samples its RSS.
/// </summary>
public static partial class FaultBenchmark
{
    private const string Team = SlackBenchmark.Team;

    [GeneratedRegex(@"fb(\d+)x")]
    private static partial Regex KudosTag();

    /// <param name="restarts">Restarts of each kind (SIGKILL, then SIGTERM).</param>
    /// <param name="upSeconds">How long the host takes kudos between restarts.</param>
    public static async Task<int> RunAsync(string connectionString, int senders, int restarts, int upSeconds, bool twoHosts, int basePort)
    {
        var prefix = "faultbench" + Guid.NewGuid().ToString("N")[..8];
        await using var slack = await RecordingSlack.StartAsync();
        var ports = twoHosts ? new[] { PortOr(basePort, 0), PortOr(basePort, 1) } : [PortOr(basePort, 0)];
        var hosts = ports.Select(p => new HostProcess(connectionString, prefix, slack.ApiBaseUrl, p)).ToList();
        EventHandler stop = (_, _) => hosts.ForEach(h => h.Kill());
        AppDomain.CurrentDomain.ProcessExit += stop;
        var sent = new ConcurrentDictionary<int, Command>();
        var phase = "warm-up";
        using var stopSending = new CancellationTokenSource();
        try
        {
            foreach (var h in hosts) await h.StartAsync();
            var sequence = -1;
            var sending = Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                while (!stopSending.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref sequence);
                    var command = new Command(n, $"UG{n % 1000:D4}", $"UR{(n * 7 + 3) % 1000:D4}", Volatile.Read(ref phase));
                    sent[n] = command;
                    // A host that is down refuses the connection: nothing reached it, so the same kudos is sent again
                    // (as a user would retry), to the other host when there is one.
                    for (var attempt = 0; ; attempt++)
                    {
                        var target = hosts[(n + attempt) % hosts.Count];
                        command.Acknowledged = await SendAsync(http, target.BaseUrl, command, slack.ApiBaseUrl);
                        if (command.Acknowledged is not null || !command.Refused || stopSending.IsCancellationRequested) break;
                        await Task.Delay(100);
                    }
                }
            })));

            await Task.Delay(TimeSpan.FromSeconds(upSeconds));
            foreach (var (kind, graceful) in new[] { ("SIGKILL", false), ("SIGTERM", true) })
            {
                Volatile.Write(ref phase, kind);
                for (var r = 0; r < restarts; r++)
                {
                    var victim = hosts[0];
                    var stopped = Stopwatch.StartNew();
                    if (graceful) await victim.TerminateAsync();
                    else victim.Kill();
                    Console.WriteLine(
                        $"{kind} {r + 1}/{restarts}: host on :{victim.Port} " +
                        $"{(graceful ? $"stopped in {stopped.Elapsed.TotalSeconds:F1} s" : "killed")} (exit {victim.ExitCode})");
                    await victim.StartAsync();
                    await Task.Delay(TimeSpan.FromSeconds(upSeconds));
                }
            }
            Volatile.Write(ref phase, "after");
            await stopSending.CancelAsync();
            await sending;

            var drained = await WaitForPostsAsync(connectionString, prefix, slack, sent.Values);
            Console.WriteLine($"outbox drained: {drained}");
            var (given, received) = await LedgerTotalsAsync(connectionString, prefix, sent.Values);
            Print(twoHosts ? $"two hosts on one storage, host :{ports[0]} restarted, host :{ports[1]} up throughout" : "one host", senders, sent.Values, slack,
                given, received);
            return given == received ? 0 : 1;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= stop;
            hosts.ForEach(h => h.Kill());
        }
    }

    /// <summary>One person in this many opens App Home in the memory run (most agents never do).</summary>
    private const int HomeOpenerEvery = 20;

    private static int PortOr(int basePort, int offset) => basePort > 0 ? basePort + offset : FreePort();

    /// <summary>Many kudos among many people to one host, sampling its resident memory as it goes.</summary>
    public static async Task<int> MemoryAsync(string connectionString, int senders, int kudos, int people, int samples, int basePort)
    {
        var prefix = "membench" + Guid.NewGuid().ToString("N")[..8];
        await using var slack = await RecordingSlack.StartAsync(keepCalls: false);
        var host = new HostProcess(connectionString, prefix, slack.ApiBaseUrl, PortOr(basePort, 0));
        EventHandler stop = (_, _) => host.Kill();
        AppDomain.CurrentDomain.ProcessExit += stop;
        try
        {
            await host.StartAsync();
            Console.WriteLine($"host RSS after start: {host.Rss()} MB (pid {host.Pid})");
            // Some agents look at App Home: theirs is republished after every change that concerns them.
            var openers = Enumerable.Range(0, people).Where(p => p % HomeOpenerEvery == 0).Select(p => $"UP{p:D6}").ToList();
            using (var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) })
            {
                foreach (var chunk in openers.Chunk(senders))
                    await Task.WhenAll(chunk.Select(async user =>
                    {
                        using var opened = await http.SendAsync(SlackBenchmark.HomeOpened(user));
                        opened.EnsureSuccessStatusCode();
                    }));
            }
            Console.WriteLine($"{openers.Count} people (1 in {HomeOpenerEvery}) opened App Home; host RSS {host.Rss()} MB");
            Console.WriteLine($"{"kudos",8}{"people seen",13}{"RSS MB",9}{"kudos/s",9}{"acked",8}{"not acked",10}");
            var sent = new ConcurrentBag<Command>();
            var step = Math.Max(1, kudos / samples);
            var clock = Stopwatch.StartNew();
            for (var done = 0; done < kudos; done += step)
            {
                var until = Math.Min(kudos, done + step);
                var next = done;
                var started = clock.Elapsed;
                var given = 0;
                await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                    int n;
                    while ((n = Interlocked.Increment(ref next) - 1) < until)
                    {
                        // Spread over all people: giver and recipient always differ, and no pair repeats within a run.
                        var giver = n % people;
                        var recipient = (giver + 1 + 13 * (n / people)) % people;
                        var command = new Command(n, $"UP{giver:D6}", $"UP{recipient:D6}", "memory");
                        sent.Add(command);
                        command.Acknowledged = await SendAsync(http, host.BaseUrl, command, slack.ApiBaseUrl);
                        if (command.Acknowledged == true) Interlocked.Increment(ref given);
                    }
                })));
                var rate = (until - done) / (clock.Elapsed - started).TotalSeconds;
                Console.WriteLine($"{until,8}{Math.Min(people, until + 1),13}{host.Rss(),9}{rate,9:F0}{given,8}{until - done - given,10}");
            }
            Console.WriteLine($"acknowledged {sent.Count(c => c.Acknowledged == true)} of {kudos}; waiting 30 s idle, then RSS again");
            await Task.Delay(TimeSpan.FromSeconds(30));
            Console.WriteLine($"host RSS idle after the run: {host.Rss()} MB");
            var (givenTotal, received) = await LedgerTotalsAsync(connectionString, prefix, sent.ToList());
            Console.WriteLine($"ledger: given {givenTotal}, received {received}: {(givenTotal == received ? "given == received" : "MISMATCH")}");
            if (givenTotal != received) return 1;
            return 0;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= stop;
            host.Kill();
        }
    }

    private sealed class Command(int n, string giver, string recipient, string phase)
    {
        public int N { get; } = n;
        public string Giver { get; } = giver;
        public string Recipient { get; } = recipient;
        public string Phase { get; } = phase;

        /// <summary>The last attempt's connection was refused (the host was down): it never reached a host.</summary>
        public bool Refused { get; set; }

        /// <summary>Null: no answer (host down or killed mid-request); true: given; false: answered later (deferred).</summary>
        public bool? Acknowledged { get; set; }
    }

    private static int _odd;

    /// <summary>Sends one signed command; null when the host did not answer it (down, or died while answering).</summary>
    private static async Task<bool?> SendAsync(HttpClient http, Uri baseUrl, Command c, Uri slackApi)
    {
        var body = SlackBenchmark.Form(c.Giver, $"<@{c.Recipient}|r> +1 thanks fb{c.N}x for the cover #teamwork", $"fault.{c.N}.{Guid.NewGuid():N}",
            new Uri(slackApi, "response_url"), channel: $"CF{c.N % 500}");
        c.Refused = false;
        try
        {
            using var request = SlackBenchmark.Signed(body);
            request.RequestUri = new Uri(baseUrl, "slack/commands");
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK) return null;
            var text = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("text").GetString() ?? "";
            if (text.StartsWith('\u23F3')) return false;
            if (text.Contains(c.Recipient, StringComparison.Ordinal)) return true;
            if (Interlocked.Increment(ref _odd) <= 3) Console.WriteLine($"unexpected answer to kudos {c.N}: {text}");
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            c.Refused = e is HttpRequestException
            {
                InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }
            };
            return null;
        }
    }

    /// <summary>Waits until every committed kudos has its posts and the outbox is empty (bounded: a writer's lease plus sweeps).</summary>
    private static async Task<string> WaitForPostsAsync(string connectionString, string prefix, RecordingSlack slack, ICollection<Command> sent)
    {
        await using var services = CoreServices(connectionString, prefix);
        var outbox = services.GetRequiredService<OutboxStore>();
        var workspace = new WorkspaceId(Platform.Slack, Team);
        var clock = Stopwatch.StartNew();
        var acknowledged = sent.Where(c => c.Acknowledged == true).Select(c => c.N).ToList();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var waiting = await outbox.CountAsync(workspace, default);
            var missing = acknowledged.Count(n => !slack.Has("celebration", n) || !slack.Has("dm", n));
            if (waiting == 0 && missing == 0) return $"yes, after {clock.Elapsed.TotalSeconds:F0} s";
            await Task.Delay(1000);
        }
        return $"NO: still waiting after {clock.Elapsed.TotalSeconds:F0} s ({await outbox.CountAsync(workspace, default)} rows)";
    }

    private static ServiceProvider CoreServices(string connectionString, string prefix) => SlackBenchmark.ReaderServices(connectionString, prefix);

    /// <summary>
    /// Allowance used by every giver and points earned by every recipient, read back from the ledger: one range scan
    /// of the workspace's member rows (20,000 point reads one by one took longer than the run itself on a big Azurite).
    /// </summary>
    private static async Task<(int Given, int Received)> LedgerTotalsAsync(string connectionString, string prefix, ICollection<Command> sent)
    {
        await using var services = CoreServices(connectionString, prefix);
        var ledger = services.GetRequiredService<TableStore>().Ledger;
        var partition = new WorkspaceId(Platform.Slack, Team).Key;
        var givers = sent.Select(c => "member|" + c.Giver).ToHashSet(StringComparer.Ordinal);
        var recipients = sent.Select(c => "member|" + c.Recipient).ToHashSet(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"member|"} and RowKey lt {"member}"}");
        int given = 0, received = 0;
        await foreach (var row in ledger.QueryAsync<TableEntity>(filter, select: ["RowKey", "AllowanceUsed", "Earned"]))
        {
            if (givers.Contains(row.RowKey)) given += row.GetInt32("AllowanceUsed") ?? 0;
            if (recipients.Contains(row.RowKey)) received += row.GetInt32("Earned") ?? 0;
        }
        return (given, received);
    }

    private static void Print(string setup, int senders, ICollection<Command> sent, RecordingSlack slack, int given, int received)
    {
        Console.WriteLine();
        Console.WriteLine($"Fault benchmark: {setup}, {senders} senders, signed /kudos, Slack stand-in recording every post");
        Console.WriteLine(
            $"{"phase",-9}{"sent",7}{"acked",7}{"deferred",9}{"no/err ans",11}{"lost celebr.",13}{"lost DMs",9}{"repeated celebr.",17}{"repeated DMs",13}");
        foreach (var phase in new[] { "warm-up", "SIGKILL", "SIGTERM", "after" })
        {
            var inPhase = sent.Where(c => c.Phase == phase && !c.Refused).ToList();
            if (inPhase.Count == 0) continue;
            var acked = inPhase.Where(c => c.Acknowledged == true).ToList();
            Console.WriteLine(
                $"{phase,-9}{inPhase.Count,7}{acked.Count,7}{inPhase.Count(c => c.Acknowledged == false),9}{inPhase.Count(c => c.Acknowledged is null),11}" +
                $"{acked.Count(c => !slack.Has("celebration", c.N)),13}{acked.Count(c => !slack.Has("dm", c.N)),9}" +
                $"{inPhase.Sum(c => Math.Max(0, slack.Count("celebration", c.N) - 1)),17}{inPhase.Sum(c => Math.Max(0, slack.Count("dm", c.N) - 1)),13}");
        }
        var committed = sent.Count(c => slack.Has("celebration", c.N));
        Console.WriteLine($"ledger: given {given}, received {received}: {(given == received ? "given == received" : "MISMATCH")}; " +
            $"kudos with a celebration {committed} (acknowledged {sent.Count(c => c.Acknowledged == true)}, the rest committed but unanswered or deferred)");
        Console.WriteLine("(repeats are counted in the phase the kudos was sent in; a kudos sent just before a restart may repeat in the next one)");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The real host as its own process, which can be killed, stopped and started again on the same port.</summary>
    private sealed class HostProcess(string connectionString, string prefix, Uri slackApi, int port)
    {
        private Process? _process;

        public int Port => port;

        public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}/");

        public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

        /// <summary>Starts the host; one that dies while starting (the port not yet free, storage too slow to answer) is started again.</summary>
        public async Task StartAsync()
        {
            for (var attempt = 1; ; attempt++)
            {
                _process = SlackBenchmark.StartHost(connectionString, prefix, slackApi, port);
                try
                {
                    await SlackBenchmark.WaitUntilReadyAsync(BaseUrl, _process);
                    return;
                }
                catch (InvalidOperationException e) when (attempt < 5)
                {
                    Console.WriteLine($"host on :{port} did not start ({e.Message}); starting it again");
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }
            }
        }

        public void Kill()
        {
            if (_process is { HasExited: false } p)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }
        }

        /// <summary>SIGTERM, as App Service or a deployment does; waits for the host to exit (killed after 60 s).</summary>
        public async Task TerminateAsync()
        {
            if (_process is not { HasExited: false } p) return;
            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await p.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("host did not stop within 60 s of SIGTERM; killed");
                Kill();
            }
        }

        /// <summary>The host's resident memory, or why there is none (it exited: a 0 here once hid a dead host).</summary>
        public string Rss()
        {
            if (_process is not { HasExited: false } p) return _process is null ? "not started" : $"host exited ({_process.ExitCode})";
            var line = File.ReadLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? "unknown"
                : $"{double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024:F0}";
        }

        public int? Pid => _process is { HasExited: false } p ? p.Id : null;
    }

    /// <summary>Slack's Web API for the kudos path, recording each celebration and DM by the kudos it belongs to.</summary>
    private sealed class RecordingSlack : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<(string Kind, int N), int> _posts = new();
        private readonly bool _keepCalls;
        private long _ts = 1_700_000_000_000_000;

        private RecordingSlack(WebApplication app, bool keepCalls)
        {
            _app = app;
            _keepCalls = keepCalls;
        }

        public Uri ApiBaseUrl { get; private set; } = null!;

        public bool Has(string kind, int n) => _posts.ContainsKey((kind, n));

        public int Count(string kind, int n) => _posts.GetValueOrDefault((kind, n));

        public static async Task<RecordingSlack> StartAsync(bool keepCalls = true)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fake = new RecordingSlack(app, keepCalls);
            app.MapPost("/api/{method}", fake.AnswerAsync);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            fake.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
            return fake;
        }

        private async Task AnswerAsync(HttpContext http, string method)
        {
            string? user = null;
            string? channel = null;
            string body = "";
            if (http.Request.HasFormContentType)
            {
                var form = await http.Request.ReadFormAsync();
                user = form["user"].ToString();
                channel = form["channel"].ToString();
            }
            else
            {
                body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            }
            object answer = method switch
            {
                // The configured bot token serves only the team auth.test names for it.
                "auth.test" => new { ok = true, team_id = Team, user_id = "UBENCHBOT" },
                "users.info" => new
                {
                    ok = true,
                    user = new
                    {
                        id = user,
                        team_id = Team,
                        name = "agent",
                        is_bot = false,
                        deleted = false,
                        locale = "en-US",
                        profile = new { display_name = "Agent" },
                    },
                },
                "conversations.open" => new { ok = true, channel = new { id = "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() } },
                "chat.postMessage" => Posted(body, channel),
                _ => new { ok = true },
            };
            await http.Response.WriteAsJsonAsync(answer);
        }

        private object Posted(string body, string? formChannel)
        {
            var channel = formChannel;
            if (body.Length > 0 && JsonDocument.Parse(body).RootElement.TryGetProperty("channel", out var c)) channel = c.GetString();
            if (_keepCalls && KudosTag().Match(body) is { Success: true } tag)
            {
                var kind = channel?.StartsWith('C') == true ? "celebration" : "dm";
                _posts.AddOrUpdate((kind, int.Parse(tag.Groups[1].Value, CultureInfo.InvariantCulture)), 1, (_, n) => n + 1);
            }
            var ts = Interlocked.Increment(ref _ts);
            return new { ok = true, channel, ts = $"{ts / 1_000_000}.{ts % 1_000_000:D6}" };
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
