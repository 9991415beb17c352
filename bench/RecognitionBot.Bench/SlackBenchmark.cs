using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecognitionBot.Core;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Bench;

/// <summary>
/// The Slack path end to end: the real host in its own process (Kestrel on loopback, Azurite underneath, Slack's
/// Web API played by a small local stand-in), fed correctly signed <c>/kudos</c> commands by 1, 10 and 50
/// concurrent senders. Prints the ack latency the sender saw (p50/p95/p99), kudos/s, and checks afterwards that
/// every giver's allowance and every recipient's balance add up exactly to what was sent.
/// </summary>
public static class SlackBenchmark
{
    private const string Secret = "bench-signing-secret";
    internal const string Team = "TBENCH";
    // 2,000 distinct people, as in issue 12's side-by-side run.
    private const int Givers = 1000;
    private const int Recipients = 1000;

    /// <param name="slackLatencyMs">How long the stand-in Web API takes per call (real Slack: around 100 ms).</param>
    public static async Task<int> RunAsync(string connectionString, int commandsPerLevel, int slackLatencyMs, int[] levels)
    {
        var prefix = "slackbench" + Guid.NewGuid().ToString("N")[..8];
        await using var slack = await FakeSlackApi.StartAsync(TimeSpan.FromMilliseconds(slackLatencyMs));
        var port = FreePort();
        using var host = StartHost(connectionString, prefix, slack.ApiBaseUrl, port);
        // Stopped with Ctrl+C or by a timeout, the benchmark still takes its host down with it.
        EventHandler stop = (_, _) => { if (!host.HasExited) host.Kill(entireProcessTree: true); };
        AppDomain.CurrentDomain.ProcessExit += stop;
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            await WaitUntilReadyAsync(baseUrl, host);
            await using var bolt = await BoltPeer.StartAsync(Secret);
            var sent = new Dictionary<(string Giver, string Recipient), int>();
            var ours = new List<Level>();
            var peer = new List<Level>();
            var sequence = 0;
            // Warm-up (connections, JIT, caches) is sent but not measured; it counts in the ledger check.
            var responseUrl = new Uri(slack.ApiBaseUrl, "response_url");
            var deferred = new Dictionary<int, (string Giver, string Recipient)>();
            await SendLevelAsync(baseUrl, responseUrl, 20, 5, () => sequence++, sent, deferred, Given);
            if (bolt is not null) await SendLevelAsync(bolt.BaseUrl, responseUrl, 20, 5, () => sequence++, null, null, Acked);
            // Each level runs on the host and then on Bolt right after, so a busy moment of the machine hits both.
            foreach (var level in levels)
            {
                ours.Add(Level.Of(
                    level, commandsPerLevel, await SendLevelAsync(baseUrl, responseUrl, commandsPerLevel, level, () => sequence++, sent, deferred, Given)));
                if (bolt is not null) peer.Add(
                    Level.Of(level, commandsPerLevel,
                    await SendLevelAsync(bolt.BaseUrl, responseUrl, commandsPerLevel, level, () => sequence++, null, null, Acked)));
            }

            Console.WriteLine(
                $"Slack /kudos through the host on Kestrel (loopback), Azurite, {commandsPerLevel} signed commands per level, 1 recipient each, " +
                $"Web API stand-in answering in {slackLatencyMs} ms");
            Level.PrintTable(ours, "kudos/s");
            if (bolt is not null)
            {
                Console.WriteLine();
                Console.WriteLine(
                    "The peer: a bare Bolt for JavaScript app (@slack/bolt, HTTP receiver, processBeforeResponse) " +
                    "that verifies the signature and only acks /kudos");
                Level.PrintTable(peer, "acks/s");
                Console.WriteLine();
                Console.WriteLine("The host against Bolt (host / Bolt): p99 ack latency and throughput, the host writing the ledger inside the ack");
                Console.WriteLine($"{"concurrency",11}{"host p99",10}{"Bolt p99",10}{"p99 ratio",11}{"host /s",9}{"Bolt /s",9}{"throughput ratio",18}");
                foreach (var (o, b) in ours.Zip(peer))
                    Console.WriteLine(
                        $"{o.Concurrency,11}{o.P99,10:F1}{b.P99,10:F1}{o.P99 / b.P99,10:F2}x" +
                        $"{o.PerSecond,9:F0}{b.PerSecond,9:F0}{o.PerSecond / b.PerSecond,17:F2}x");
            }

            // A deferred kudos counts once its answer through the response URL says it was given.
            var late = await slack.LateAnswersAsync(deferred.Keys, TimeSpan.FromSeconds(60));
            foreach (var (i, (giver, recipient)) in deferred)
                if (late.TryGetValue(i, out var text) && text.Contains("U" + recipient[1..], StringComparison.Ordinal))
                    sent[(giver, recipient)] = sent.GetValueOrDefault((giver, recipient)) + 1;
                else Unconfirmed[(giver, recipient)] = Unconfirmed.GetValueOrDefault((giver, recipient)) + 1;
            var check = await CheckLedgerAsync(connectionString, prefix, sent);
            Console.WriteLine(
                check ??
                $"ledger check: OK ({sent.Values.Sum()} kudos confirmed, {Unconfirmed.Values.Sum()} answered " +
                "\"the ledger is slow\" each counted either way; every allowance and balance adds up, given == received)");
            Console.WriteLine($"posts the app made meanwhile (celebrations, DMs): {slack.Posts}");
            Console.WriteLine(
                $"commands acknowledged first and answered through response_url (over the 2.5 s ack deadline): {deferred.Count}, " +
                "given among them " +
                $"{deferred.Count(d => late.TryGetValue(d.Key, out var t) && t.Contains("U" + d.Value.Recipient[1..], StringComparison.Ordinal))}, " +
                $"no late answer {deferred.Keys.Count(k => !late.ContainsKey(k))}");
            return check is null ? 0 : 1;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= stop;
            if (!host.HasExited) host.Kill(entireProcessTree: true);
        }
    }

    // RECOGNITIONBOT_BENCH_TRACE=<file>: one line per command (level, start ms, latency ms, giver, recipient), to see when slow ones happen.
    private static readonly TextWriter? trace = Environment.GetEnvironmentVariable("RECOGNITIONBOT_BENCH_TRACE") is { Length: > 0 } path
        ? TextWriter.Synchronized(new StreamWriter(path) { AutoFlush = true })
        : null;

    /// <summary>Unconfirmed: "the ledger is slow/busy" (storage past its budget); the kudos may or may not have committed.</summary>
    private enum Answer { Given, Deferred, Unconfirmed, Wrong }

    /// <summary>The host's answer to a kudos: given (names the recipient) or deferred (answered later through the response URL).</summary>
    private static Answer Given(HttpResponseMessage response, string text, string recipient)
    {
        if (response.StatusCode != HttpStatusCode.OK) return Answer.Wrong;
        if (JsonDocument.Parse(text).RootElement.GetProperty("text").GetString()!.StartsWith('\u23F3')) return Answer.Deferred;
        if (text.Contains("U" + recipient[1..], StringComparison.Ordinal)) return Answer.Given;
        return text.Contains("ledger", StringComparison.Ordinal) ? Answer.Unconfirmed : Answer.Wrong;
    }

    /// <summary>Bolt's answer: an empty 200 (ack() without a message).</summary>
    private static Answer Acked(HttpResponseMessage response, string text, string recipient) => response.StatusCode == HttpStatusCode.OK ? Answer.Given
        : Answer.Wrong;

    /// <param name="sent">Counts what was given, for the ledger check; null for the peer, which keeps no ledger.</param>
    /// <param name="deferred">Commands acknowledged with "one moment", whose outcome comes through the response URL.</param>
    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> SendLevelAsync(
        Uri baseUrl,
        Uri responseUrl, int commands, int concurrency, Func<int> next, Dictionary<(string, string), int>? sent,
        Dictionary<int, (string, string)>? deferred, Func<HttpResponseMessage, string, string, Answer> answered)
    {
        var gate = new Lock();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new List<double>(commands);
        var remaining = commands;
        var clock = Stopwatch.StartNew();
        var clock0 = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                int i;
                lock (gate) i = next();
                // Givers and recipients are distinct pools, and a pair repeats only every 1000 commands: no allowance or daily cap is hit.
                var giver = $"UG{i % Givers:D4}";
                var recipient = $"UR{(i * 7 + 3) % Recipients:D4}";
                var body = Form(giver, $"<@{recipient}|r> +1 thanks for the help on ticket {i} #teamwork", $"bench.{i}.{Guid.NewGuid():N}",
                    new Uri(responseUrl, $"?i={i}"));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(Signed(body));
                var text = await response.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                // Not ready within the ack deadline: acknowledged, answered later through the response URL (counted there).
                var answer = answered(response, text, recipient);
                if (answer == Answer.Wrong)
                    throw new InvalidOperationException($"Command {i} was not given: {(int)response.StatusCode} {text}");
                lock (gate)
                {
                    latencies.Add(ms);
                    trace?.WriteLine(
                        FormattableString.Invariant(
                        $"{concurrency},{Stopwatch.GetElapsedTime(clock0, started).TotalMilliseconds:F1},{ms:F1},{giver},{recipient}"));
                    if (answer == Answer.Deferred) deferred?.Add(i, (giver, recipient));
                    else if (answer == Answer.Unconfirmed) Unconfirmed[(giver, recipient)] = Unconfirmed.GetValueOrDefault((giver, recipient)) + 1;
                    else if (sent is not null) sent[(giver, recipient)] = sent.GetValueOrDefault((giver, recipient)) + 1;
                }
            }
        }));
        return (latencies, clock.Elapsed);
    }

    internal static HttpRequestMessage Signed(string body)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{ts}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, "slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        // As Slack sends it, without "; charset=utf-8": Bolt's receiver reads only that exact type as a form.
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }

    /// <summary><c>app_home_opened</c> for <paramref name="user"/>, signed as Slack sends it to <c>slack/events</c>.</summary>
    internal static HttpRequestMessage HomeOpened(string user)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            token = "deprecated",
            team_id = Team,
            api_app_id = "ABENCH",
            type = "event_callback",
            event_id = $"Ev{Guid.NewGuid():N}"[..14],
            event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            @event = new { type = "app_home_opened", user, channel = "D" + user, tab = "home", event_ts = "1700000000.000100" },
        });
        var request = Signed(body);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.RequestUri = new Uri("slack/events", UriKind.Relative);
        return request;
    }

    internal static string Form(string user, string text, string trigger, Uri responseUrl, string channel = "CBENCH") =>
        string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = Team,
            ["team_domain"] = "bench",
            ["channel_id"] = channel,
            ["channel_name"] = "floor",
            ["user_id"] = user,
            ["user_name"] = user,
            ["command"] = "/kudos",
            ["text"] = text,
            ["api_app_id"] = "ABENCH",
            ["trigger_id"] = trigger,
            ["response_url"] = responseUrl.AbsoluteUri,
        }.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>Null when every giver's used allowance and every recipient's earned points equal what was sent.</summary>
    // Kudos answered "the ledger is slow" (or busy): each may have committed, so the check allows it either way.
    private static readonly Dictionary<(string Giver, string Recipient), int> Unconfirmed = [];

    private static async Task<string?> CheckLedgerAsync(string connectionString, string prefix, Dictionary<(string Giver, string Recipient), int> sent)
    {
        await using var services = ReaderServices(connectionString, prefix);
        var ledger = services.GetRequiredService<ILedger>();
        var workspace = new WorkspaceId(Platform.Slack, Team);
        var settings = await services.GetRequiredService<WorkspaceStore>().GetAsync(workspace, default);
        var problems = new List<string>();
        var usedTotal = 0;
        var pairs = sent.Keys.Union(Unconfirmed.Keys).ToList();
        foreach (var giver in pairs.Select(p => p.Giver).Distinct())
        {
            var expected = sent.Where(s => s.Key.Giver == giver).Sum(s => s.Value);
            var maybe = Unconfirmed.Where(u => u.Key.Giver == giver).Sum(u => u.Value);
            var used = (await ledger.GetBalanceAsync(workspace, new MemberId(giver), settings, default)).Allowance.Used;
            usedTotal += used;
            if (used < expected || used > expected + maybe) problems.Add($"{giver} used {used} of allowance, sent {expected} (+{maybe} unconfirmed)");
        }
        var earnedTotal = 0;
        foreach (var recipient in pairs.Select(p => p.Recipient).Distinct())
        {
            var expected = sent.Where(s => s.Key.Recipient == recipient).Sum(s => s.Value);
            var maybe = Unconfirmed.Where(u => u.Key.Recipient == recipient).Sum(u => u.Value);
            var balance = (await ledger.GetMemberAsync(workspace, new MemberId(recipient), default)).Balance;
            earnedTotal += balance.Earned;
            if (balance.Earned < expected || balance.Earned > expected + maybe || balance.Available != balance.Earned)
                problems.Add($"{recipient} earned {balance.Earned} (available {balance.Available}), sent {expected} (+{maybe} unconfirmed)");
        }
        if (earnedTotal != usedTotal) problems.Add($"earned in total {earnedTotal}, given in total {usedTotal}");
        return problems.Count == 0 ? null : "ledger check FAILED:\n  " + string.Join("\n  ", problems.Take(20));
    }

    /// <summary>
    /// The core on the benchmark's storage, to read the ledger back after a run. Its tries may take 30 s, not the
    /// host's 2: a check of 40,000 rows on a busy machine must not die of the budget meant for a person's command.
    /// </summary>
    internal static ServiceProvider ReaderServices(string connectionString, string prefix) => new ServiceCollection()
        .AddLogging(b => b.SetMinimumLevel(LogLevel.Error))
        .AddSingleton(
            Options.Create(new StorageOptions { ConnectionString = connectionString, TablePrefix = prefix, RequestTimeout = TimeSpan.FromSeconds(30) }))
        .AddRecognitionCore()
        .BuildServiceProvider();

    /// <param name="settings">More configuration for the host, as environment variables (<c>Section__Key</c>).</param>
    internal static Process StartHost(string connectionString, string prefix, Uri slackApi, int port, IDictionary<string, string>? settings = null)
    {
        var root = Root();
        var dll = Path.Combine(root, "src", "RecognitionBot", "bin", "Release", "net10.0", "RecognitionBot.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the host first: {dll} is missing.");
        var psi = new ProcessStartInfo(
            "dotnet")
        { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        var env = psi.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = Environment.GetEnvironmentVariable("RECOGNITIONBOT_BENCH_ENVIRONMENT") ?? "Production";
        env["Storage__ConnectionString"] = connectionString;
        env["Storage__TablePrefix"] = prefix;
        env["Slack__SigningSecret"] = Secret;
        env["Slack__BotToken"] = "xoxb-bench";
        env["Slack__ApiBaseUrl"] = slackApi.AbsoluteUri;
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;
        var process = Process.Start(psi)!;
        // Drain the host's output so it never blocks on a full pipe; keep it when asked (diagnosing a slow run).
        var log = Environment.GetEnvironmentVariable("RECOGNITIONBOT_BENCH_HOST_LOG") is { Length: > 0 } path
            ? TextWriter.Synchronized(new StreamWriter(path) { AutoFlush = true }) : null;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log?.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitUntilReadyAsync(Uri baseUrl, Process host)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (host.HasExited) throw new InvalidOperationException($"The host exited with {host.ExitCode}.");
            try
            {
                if ((await http.GetAsync("readyz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The host did not become ready.");
    }

    /// <summary>One level's figures: latencies sorted, throughput over the level's wall time.</summary>
    private sealed record Level(int Concurrency, int Commands, double P50, double P95, double P99, double Max, double PerSecond)
    {
        public static Level Of(int concurrency, int commands, (List<double> Latencies, TimeSpan Elapsed) run)
        {
            var sorted = run.Latencies.Order().ToList();
            return new(
                concurrency, commands, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1],
                commands / run.Elapsed.TotalSeconds);
        }

        public static void PrintTable(IEnumerable<Level> levels, string rate)
        {
            Console.WriteLine($"{"concurrency",11}{"commands",10}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}{rate,10}");
            foreach (var l in levels)
                Console.WriteLine($"{l.Concurrency,11}{l.Commands,10}{l.P50,9:F1}{l.P95,9:F1}{l.P99,9:F1}{l.Max,9:F1}{l.PerSecond,10:F0}");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RecognitionBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }

    /// <summary>Slack's Web API as far as the kudos path needs it: everyone is a person; posts succeed at once.</summary>
    private sealed class FakeSlackApi : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private TimeSpan _latency;
        private long _posts;
        private long _ts = 1_700_000_000_000_000;

        private FakeSlackApi(WebApplication app) => _app = app;

        public Uri ApiBaseUrl { get; private set; } = null!;

        public long Posts => Interlocked.Read(ref _posts);

        public static async Task<FakeSlackApi> StartAsync(TimeSpan latency)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fake = new FakeSlackApi(app) { _latency = latency };
            app.MapPost("/api/{method}", fake.AnswerAsync);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            fake.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
            return fake;
        }

        private async Task AnswerAsync(HttpContext http, string method)
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            if (_latency > TimeSpan.Zero) await Task.Delay(_latency);
            object answer = method switch
            {
                "users.info" => new
                {
                    ok = true,
                    user = new
                    {
                        id = form?["user"].ToString(),
                        team_id = Team,
                        name = "agent",
                        is_bot = false,
                        deleted = false,
                        locale = "en-US",
                        profile = new { display_name = "Agent" },
                    },
                },
                "auth.test" => new { ok = true, team_id = Team, user_id = "UBENCHBOT" },
                "conversations.open" => new { ok = true, channel = new { id = "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() } },
                "chat.postMessage" => PostMessage(),
                "response_url" => await LateAnswerAsync(http),
                _ => new { ok = true },
            };
            await http.Response.WriteAsJsonAsync(answer);
        }

        // Late answers by command (the bench puts its number in the response URL): what the host said after its ack.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _late = new();

        private async Task<object> LateAnswerAsync(HttpContext http)
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            if (int.TryParse(http.Request.Query["i"], CultureInfo.InvariantCulture, out var i)) _late[i] = body;
            return new { ok = true };
        }

        /// <summary>The late answers of <paramref name="commands"/>, waiting at most <paramref name="within"/> for all of them.</summary>
        public async Task<IReadOnlyDictionary<int, string>> LateAnswersAsync(ICollection<int> commands, TimeSpan within)
        {
            var until = DateTime.UtcNow + within;
            while (commands.Any(c => !_late.ContainsKey(c)) && DateTime.UtcNow < until) await Task.Delay(500);
            return new Dictionary<int, string>(_late);
        }

        private object PostMessage()
        {
            Interlocked.Increment(ref _posts);
            var n = Interlocked.Increment(ref _ts);
            return new { ok = true, channel = "CBENCH", ts = $"{n / 1_000_000}.{n % 1_000_000:D6}" };
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
