using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RecognitionBot.Tests.Slack.Fakes;

/// <summary>
/// A local stand-in for Slack's Web API (and its Socket Mode WebSocket) on 127.0.0.1, a real HTTP server the app
/// talks to over loopback. It records every call (method, token, body) and answers from a script or from sensible
/// defaults driven by the users, channels and user groups a test declares.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripts = new();
    private readonly ConcurrentDictionary<string, Func<RecordedCall, FakeResponse>> _overrides = new();
    private readonly ConcurrentDictionary<string, Task> _holds = new();
    private readonly Channel<FakeSocket> _sockets = Channel.CreateUnbounded<FakeSocket>();
    private readonly SemaphoreSlim _callSignal = new(0);
    private long _ts = 1_700_000_000_000_000;

    private FakeSlackServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public ConcurrentDictionary<string, JsonObject> Users { get; } = new();

    public ConcurrentDictionary<string, string[]> ChannelMembers { get; } = new();

    public ConcurrentDictionary<string, string[]> UserGroups { get; } = new();

    /// <summary>What oauth.v2.access answers for a code; any other code is <c>invalid_code</c>.</summary>
    public ConcurrentDictionary<string, JsonObject> OAuthCodes { get; } = new();

    /// <summary>What auth.test answers for a bot token; any other token is <c>invalid_auth</c>.</summary>
    public ConcurrentDictionary<string, JsonObject> Tokens { get; } = new()
    {
        [SlackTestHost.BotToken] = new JsonObject { ["team_id"] = "T0001", ["team"] = "Acme", ["user_id"] = "UBOT", ["bot_id"] = "B0001" },
    };

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>How long every answer takes (a slow Slack): posts are in flight meanwhile.</summary>
    public TimeSpan Latency { get; set; }

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    public static async Task<FakeSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackServer(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.Map("/socket", fake.SocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The next calls to <paramref name="method"/> get these answers, in order; then the defaults again.</summary>
    public void Script(string method, params FakeResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var r in responses) queue.Enqueue(r);
    }

    /// <summary>Calls to <paramref name="method"/> are recorded at once but answered only when <paramref name="release"/> completes: a slow Slack.</summary>
    public void Hold(string method, Task release) => _holds[method] = release;

    /// <summary>Replaces the default answer for a method.</summary>
    public void Respond(string method, Func<RecordedCall, FakeResponse> answer) => _overrides[method] = answer;

    public JsonObject AddUser(
        string id, string? locale = "en-US", bool isBot = false, bool deleted = false, bool isAdmin = false, bool isOwner = false, string? name = null,
        string team = "T0001",
        string? enterprise = null, bool isStranger = false)
    {
        var user = new JsonObject
        {
            ["id"] = id,
            ["team_id"] = team,
            ["name"] = name ?? id.ToLowerInvariant(),
            ["real_name"] = name ?? $"User {id}",
            ["deleted"] = deleted,
            ["is_bot"] = isBot,
            ["is_app_user"] = false,
            ["is_admin"] = isAdmin,
            ["is_owner"] = isOwner,
            ["tz"] = "Europe/Rome",
            ["profile"] = new JsonObject { ["display_name"] = name ?? id, ["real_name"] = name ?? $"User {id}" },
        };
        if (locale is not null) user["locale"] = locale;
        // Enterprise Grid members carry their organisation; Slack Connect strangers may be flagged as such.
        if (enterprise is not null) user["enterprise_user"] = new JsonObject { ["id"] = id, ["enterprise_id"] = enterprise, ["teams"] = new JsonArray(team) };
        if (isStranger) user["is_stranger"] = true;
        Users[id] = user;
        return user;
    }

    /// <summary>Waits until a call to <paramref name="method"/> matching <paramref name="match"/> has been recorded.</summary>
    public async Task<RecordedCall> WaitForCallAsync(string method, Func<RecordedCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = _calls.FirstOrDefault(c => c.Method == method && (match?.Invoke(c) ?? true));
            if (found is not null) return found;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No {method} call arrived. Calls: {string.Join(", ", _calls.Select(c => c.Method))}");
            await _callSignal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The next Socket Mode connection the app opens.</summary>
    public async Task<FakeSocket> NextSocketAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _sockets.Reader.ReadAsync(cts.Token);
    }

    private async Task ApiAsync(HttpContext http, string method)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var auth = http.Request.Headers.Authorization.ToString();
        var call = new RecordedCall(
            method,
            auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null,
            auth.StartsWith("Basic ", StringComparison.Ordinal) ? Encoding.UTF8.GetString(Convert.FromBase64String(auth["Basic ".Length..])) : null,
            http.Request.ContentType ?? "",
            body,
            DateTimeOffset.UtcNow);
        var response = _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted) ? scripted
            : _overrides.TryGetValue(method, out var answer) ? answer(call)
            : Default(call);
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
        call.Response = response;
        _calls.Enqueue(call);
        _callSignal.Release();
        if (_holds.TryGetValue(method, out var hold)) await hold.WaitAsync(TimeSpan.FromSeconds(30));
        http.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) http.Response.Headers[name] = value;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(response.Body);
    }

    private FakeResponse Default(RecordedCall call)
    {
        switch (call.Method)
        {
            case "chat.postMessage":
                var channel = call.Arg("channel") ?? "";
                return FakeResponse.Ok(new JsonObject { ["channel"] = channel.StartsWith('U') ? "D" + channel[1..] : channel, ["ts"] = NextTs() });
            case "chat.update":
                return FakeResponse.Ok(new JsonObject { ["channel"] = call.Arg("channel"), ["ts"] = call.Arg("ts") });
            case "chat.postEphemeral":
                return FakeResponse.Ok(new JsonObject { ["message_ts"] = NextTs() });
            case "conversations.open":
                var users = call.Arg("users") ?? "";
                return FakeResponse.Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "D" + users.Replace(",", "") } });
            case "conversations.members":
                return Page(call, ChannelMembers.TryGetValue(call.Arg("channel") ?? "", out var members) ? members : null, "channel_not_found");
            case "users.info":
                return Users.TryGetValue(call.Arg("user") ?? "", out var user)
                    ? FakeResponse.Ok(new JsonObject { ["user"] = user.DeepClone() })
                    : FakeResponse.Error("user_not_found");
            case "users.lookupByEmail":
                var email = call.Arg("email") ?? "";
                var found = Users.Values.FirstOrDefault(u =>
                    string.Equals(u["profile"]?["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase));
                return found is null ? FakeResponse.Error("users_not_found") : FakeResponse.Ok(new JsonObject { ["user"] = found.DeepClone() });
            case "usergroups.users.list":
                return UserGroups.TryGetValue(call.Arg("usergroup") ?? "", out var group)
                    ? FakeResponse.Ok(new JsonObject { ["users"] = new JsonArray([.. group.Select(u => JsonValue.Create(u))]) })
                    : FakeResponse.Error("no_such_subteam");
            case "auth.test":
                return Tokens.TryGetValue(call.Token ?? "", out var identity) ? FakeResponse.Ok(identity) : FakeResponse.Error("invalid_auth");
            case "views.open":
                return FakeResponse.Ok(new JsonObject { ["view"] = new JsonObject { ["id"] = "V" + Interlocked.Increment(ref _ts) } });
            case "views.publish":
                return FakeResponse.Ok(new JsonObject { ["view"] = new JsonObject { ["id"] = "VHOME" + call.Arg("user_id") } });
            case "chat.getPermalink":
                var ts = call.Arg("message_ts") ?? "";
                return FakeResponse.Ok(new JsonObject
                {
                    ["channel"] = call.Arg("channel"),
                    ["permalink"] = $"https://acme.slack.com/archives/{call.Arg("channel")}/p{ts.Replace(".", "")}",
                });
            case "oauth.v2.access":
                return OAuthCodes.TryGetValue(call.Arg("code") ?? "", out var access) ? FakeResponse.Ok(access) : FakeResponse.Error("invalid_code");
            case "apps.connections.open":
                var ws = new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/socket" }.Uri;
                return FakeResponse.Ok(new JsonObject { ["url"] = ws.AbsoluteUri });
            case var m when m.StartsWith("response_url", StringComparison.Ordinal):
                // A response URL answers plain "ok", not the Web API's JSON envelope.
                return new FakeResponse(200, "ok");
            default:
                return FakeResponse.Error("unknown_method");
        }
    }

    private static FakeResponse Page(RecordedCall call, string[]? all, string missing)
    {
        if (all is null) return FakeResponse.Error(missing);
        var limit = int.TryParse(call.Arg("limit"), CultureInfo.InvariantCulture, out var l) ? l : 100;
        var start = int.TryParse(call.Arg("cursor"), CultureInfo.InvariantCulture, out var c) ? c : 0;
        var page = all.Skip(start).Take(limit).ToArray();
        var next = start + page.Length < all.Length ? (start + page.Length).ToString(CultureInfo.InvariantCulture) : "";
        return FakeResponse.Ok(new JsonObject
        {
            ["members"] = new JsonArray([.. page.Select(m => JsonValue.Create(m))]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    private string NextTs()
    {
        var n = Interlocked.Increment(ref _ts);
        return $"{n / 1_000_000}.{n % 1_000_000:D6}";
    }

    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }
        using var ws = await http.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(ws);
        await _sockets.Writer.WriteAsync(socket);
        await socket.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>An answer the fake gives: Slack's envelope, a throttle, or an outage.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Ok(JsonObject? fields = null)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (k, v) in fields ?? []) body[k] = v?.DeepClone();
        return new FakeResponse(200, body.ToJsonString());
    }

    public static FakeResponse Error(string code) => new(200, new JsonObject { ["ok"] = false, ["error"] = code }.ToJsonString());

    public static FakeResponse RateLimited(int retryAfterSeconds) =>
        new((int)HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""",
            new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) });

    public static FakeResponse ServerError(int status = 503) => new(status, "upstream unavailable");
}

/// <summary>One call the app made: which method, with which token, and what it sent.</summary>
public sealed record RecordedCall(string Method, string? Token, string? BasicCredentials, string ContentType, string Body, DateTimeOffset At)
{
    /// <summary>What the fake answered.</summary>
    public FakeResponse? Response { get; set; }

    /// <summary>The answer's JSON (e.g. the <c>ts</c> a posted message got).</summary>
    public JsonElement ResponseJson => JsonDocument.Parse(Response!.Body).RootElement;

    public bool IsJson => ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>A top-level argument, whether sent as a form field or a JSON property (non-strings as raw JSON).</summary>
    public string? Arg(string name)
    {
        if (IsJson)
            return Json.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
        return QueryHelpers.ParseQuery(Body).TryGetValue(name, out var f) ? f.ToString() : null;
    }
}

/// <summary>The server end of one Socket Mode connection.</summary>
public sealed class FakeSocket
{
    private readonly System.Net.WebSockets.WebSocket _ws;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _send = new(1, 1);
    private int _envelopes;

    public FakeSocket(System.Net.WebSockets.WebSocket ws)
    {
        _ws = ws;
        _ = PumpAsync();
    }

    /// <summary>Completes when the app closes the connection (or it drops).</summary>
    public Task Completion => _closed.Task;

    public DateTimeOffset? ClosedAt { get; private set; }

    public Task HelloAsync() => SendAsync(new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = 1,
        ["connection_info"] = new JsonObject { ["app_id"] = "A0001" },
    });

    public Task DisconnectAsync(string reason = "refresh_requested") =>
        SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason });

    /// <summary>Sends an envelope and returns the app's ack for it (with its payload, if any).</summary>
    public async Task<JsonElement> SendEnvelopeAsync(string type, JsonNode payload, TimeSpan? timeout = null)
    {
        var id = $"env-{Interlocked.Increment(ref _envelopes)}-{Guid.NewGuid():N}";
        await SendAsync(new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = type != "events_api",
        });
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _received.Reader.ReadAsync(cts.Token);
            if (message.TryGetProperty("envelope_id", out var e) && e.GetString() == id) return message;
        }
    }

    public async Task CloseAsync()
    {
        if (_ws.State == System.Net.WebSockets.WebSocketState.Open)
            await _ws.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
    }

    private async Task SendAsync(JsonObject message)
    {
        await _send.WaitAsync();
        try
        {
            await _ws.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                System.Net.WebSockets.WebSocketReceiveResult result;
                do
                {
                    result = await _ws.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close) return;
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                await _received.Writer.WriteAsync(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            // Dropped.
        }
        finally
        {
            ClosedAt = DateTimeOffset.UtcNow;
            if (_ws.State is System.Net.WebSockets.WebSocketState.CloseReceived)
                await _ws.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            _received.Writer.TryComplete();
            _closed.TrySetResult();
        }
    }
}
