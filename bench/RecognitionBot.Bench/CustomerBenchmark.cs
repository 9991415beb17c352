using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Storage;

namespace RecognitionBot.Bench;

/// <summary>
/// Customer kudos end to end: the real host in its own process (Kestrel on loopback, Azurite, a Slack stand-in that
/// also answers users.lookupByEmail), an integration made with the real admin command, then a helpdesk replaying a
/// day of good ratings, signed, as fast as <c>--concurrency</c> senders can. Prints accepted ratings/s and latencies
/// (the rate limit raised out of the way, so the endpoint itself is measured), how long the outbox took to post every
/// celebration and DM, and checks that each rating became exactly one kudos and two posts.
/// </summary>
public static partial class CustomerBenchmark
{
    private const int Agents = 200;

    public static async Task<int> RunAsync(string connectionString, int ratings, int concurrency)
    {
        var prefix = "custbench" + Guid.NewGuid().ToString("N")[..8];
        await using var slack = await HelpdeskSlack.StartAsync();
        var port = SlackBenchmark.FreePort();
        using var host = SlackBenchmark.StartHost(connectionString, prefix, slack.ApiBaseUrl, port, new Dictionary<string, string>
        {
            ["Slack__AdminUserIds__0"] = "UADMIN",
            ["CustomerKudos__Burst"] = "100000",
            ["CustomerKudos__PerSecond"] = "10000",
            // The stand-in answers at once; Slack's one post a second per channel would measure the pace, not the app.
            ["Slack__PostsPerSecond"] = "10000",
        });
        EventHandler stop = (_, _) => { if (!host.HasExited) host.Kill(entireProcessTree: true); };
        AppDomain.CurrentDomain.ProcessExit += stop;
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            await SlackBenchmark.WaitUntilReadyAsync(baseUrl, host);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
            {
                BaseAddress = baseUrl,
                Timeout = TimeSpan.FromSeconds(60),
            };
            var (id, secret) = await AddIntegrationAsync(http, slack);

            // Warm-up (JIT, connections, caches): sent and counted, not measured.
            await SendAsync(http, id, secret, 0, 50, Math.Min(concurrency, 10));
            var (latencies, elapsed, limited) = await SendAsync(http, id, secret, 50, ratings, concurrency);
            var sorted = latencies.Order().ToList();
            double P(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
            Console.WriteLine(
                $"Customer kudos through the host on Kestrel (loopback), Azurite, {ratings} signed good ratings from {concurrency} concurrent senders, " +
                $"{Agents} agents found by email");
            Console.WriteLine($"{"accepted/s",11}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}{"429s",7}");
            Console.WriteLine($"{ratings / elapsed.TotalSeconds,11:F0}{P(0.5),9:F1}{P(0.95),9:F1}{P(0.99),9:F1}{sorted[^1],9:F1}{limited,7}");

            var total = ratings + 50;
            var drained = Stopwatch.StartNew();
            while (slack.Posts < 2 * total && drained.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(100);
            Console.WriteLine(
                $"every celebration and DM posted ({slack.Posts} of {2 * total}) {drained.Elapsed.TotalSeconds:F1} s after the last rating was accepted");
            await Task.Delay(TimeSpan.FromSeconds(2));
            var kudos = await CountKudosAsync(connectionString, prefix);
            var ok = kudos == total && slack.Posts == 2 * total && slack.DistinctTickets == total;
            Console.WriteLine(ok
                ? $"check: OK ({kudos} kudos for {total} ratings, {slack.Posts} posts, each ticket celebrated once)"
                : $"check: FAILED ({kudos} kudos for {total} ratings, {slack.Posts} posts, {slack.DistinctTickets} distinct tickets celebrated)");
            return ok ? 0 : 1;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= stop;
            if (!host.HasExited) host.Kill(entireProcessTree: true);
        }
    }

    private static async Task<(string Id, string Secret)> AddIntegrationAsync(HttpClient http, HelpdeskSlack slack)
    {
        var responseUrl = new Uri(slack.ApiBaseUrl, "response_url");
        // A cold host may answer its first command late (through the response URL): warm it up with help first.
        (await http.SendAsync(SlackBenchmark.Signed(SlackBenchmark.Form("UADMIN", "help", "bench.help", responseUrl, channel: "CLOVE")))).Dispose();
        var body = SlackBenchmark.Form("UADMIN", "admin integration add benchdesk", $"bench.admin.{Guid.NewGuid():N}", responseUrl, channel: "CLOVE");
        using var response = await http.SendAsync(SlackBenchmark.Signed(body));
        var text = Words(await response.Content.ReadAsStringAsync());
        for (var wait = 0; !SecretPattern().IsMatch(text) && wait < 300; wait++)
        {
            await Task.Delay(100);
            text = slack.LastLateAnswer is { } late ? Words(late) : text;
        }
        var id = IdPattern().Match(text);
        var secret = SecretPattern().Match(text);
        if (!id.Success || !secret.Success) throw new InvalidOperationException($"The integration was not created: {text}");
        return (id.Groups[1].Value, secret.Value);
    }

    /// <summary>Every string in a JSON answer, unescaped, one per line.</summary>
    private static string Words(string json)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join("\n", Strings(document.RootElement));

        static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => [e.GetString()!],
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
            _ => [],
        };
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed, int Limited)> SendAsync(
        HttpClient http, string id, string secret, int from, int count, int concurrency)
    {
        var latencies = new List<double>(count);
        var gate = new Lock();
        var next = from;
        var limited = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next) - 1;
                if (i >= from + count) return;
                var body = JsonSerializer.Serialize(new
                {
                    ticket_id = $"BENCH-{i}",
                    ticket_url = $"https://help.example.test/tickets/{i}",
                    agent_email = $"agent{i % Agents}@bench.test",
                    rating = 5,
                    comment = $"Thank you so much for sorting out ticket {i}, call me on +46 70 123 45 67 if needed.",
                    channel = (i % 3) switch { 0 => "phone", 1 => "chat", _ => "email" },
                });
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(Signed(id, secret, body));
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.Increment(ref limited);
                else if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"Rating {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                lock (gate) latencies.Add(ms);
            }
        }));
        return (latencies, clock.Elapsed, limited);
    }

    private static HttpRequestMessage Signed(string id, string secret, string body)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ts}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"integrations/customer-kudos/{id}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-RecognitionBot-Timestamp", ts);
        request.Headers.Add("X-RecognitionBot-Signature", "v1=" + Convert.ToHexStringLower(mac));
        return request;
    }

    private static async Task<int> CountKudosAsync(string connectionString, string prefix)
    {
        using var services = SlackBenchmark.ReaderServices(connectionString, prefix);
        var ledger = services.GetRequiredService<TableStore>().Ledger;
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"kudos|"} and RowKey lt {"kudos}"}");
        await foreach (var _ in ledger.QueryAsync<TableEntity>(filter, select: ["RowKey"])) count++;
        return count;
    }

    [GeneratedRegex(@"/integrations/customer-kudos/([0-9a-f]{32})")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex SecretPattern();

    /// <summary>Slack's Web API as far as customer kudos need it: agents found by email, everyone a person, posts recorded.</summary>
    private sealed partial class HelpdeskSlack : IAsyncDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _tickets = new();
        private WebApplication _app = null!;
        private long _posts;
        private long _ts = 1_700_000_000_000_000;

        public Uri ApiBaseUrl { get; private set; } = null!;

        public long Posts => Interlocked.Read(ref _posts);

        public int DistinctTickets => _tickets.Count;

        /// <summary>What the host last said through a response URL (a command answered after its ack).</summary>
        public string? LastLateAnswer { get; private set; }

        public static async Task<HelpdeskSlack> StartAsync()
        {
            var fake = new HelpdeskSlack();
            (fake._app, fake.ApiBaseUrl) = await StandIn.StartAsync(fake.AnswerAsync);
            return fake;
        }

        private async Task AnswerAsync(HttpContext http, string method)
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            var body = form is null ? await new StreamReader(http.Request.Body).ReadToEndAsync() : "";
            object answer = method switch
            {
                "users.info" => new { ok = true, user = Person(form?["user"].ToString() ?? "") },
                "users.lookupByEmail" => new { ok = true, user = Person("UAGENT" + (form?["email"].ToString() ?? "").Split('@')[0]["agent".Length..]) },
                "auth.test" => new { ok = true, team_id = SlackBenchmark.Team, user_id = "UBENCHBOT" },
                "conversations.open" => new { ok = true, channel = new { id = "D" + (form?["users"].ToString() ?? "X") } },
                "chat.postMessage" => Post(form?["channel"].ToString(), form is null ? body : form["blocks"].ToString()),
                "response_url" => Late(body),
                _ => new { ok = true },
            };
            await http.Response.WriteAsJsonAsync(answer);
        }

        private static object Person(string id) => new
        {
            id,
            team_id = SlackBenchmark.Team,
            name = "agent",
            is_bot = false,
            deleted = false,
            locale = "en-US",
            is_admin = id == "UADMIN",
            profile = new { display_name = "Agent" },
        };

        private object Late(string body)
        {
            LastLateAnswer = body;
            return new { ok = true };
        }

        private object Post(string? formChannel, string body)
        {
            Interlocked.Increment(ref _posts);
            var channel = formChannel;
            if (channel is null)
            {
                using var json = JsonDocument.Parse(body);
                channel = json.RootElement.GetProperty("channel").GetString();
            }
            if (channel == "CLOVE" && Ticket().Match(body) is { Success: true } ticket) _tickets.TryAdd(ticket.Value, 0);
            var n = Interlocked.Increment(ref _ts);
            return new { ok = true, channel = "CLOVE", ts = $"{n / 1_000_000}.{n % 1_000_000:D6}" };
        }

        [GeneratedRegex(@"BENCH-\d+")]
        private static partial Regex Ticket();

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
