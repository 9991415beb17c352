using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RecognitionBot.Teams;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>
/// Plays the Bot Connector service (smba.trafficmanager.net): records every call, answers like Teams, and can be
/// scripted to fail (429 with Retry-After, 5xx, 403 blocked) before answering normally.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly List<ScriptedFailure> _script = [];
    private readonly ConcurrentQueue<(Func<ConnectorCall, bool> When, TimeSpan Delay)> _slow = new();
    private readonly ConcurrentDictionary<string, TeamsChannelAccount> _roster = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyList<TeamsChannelAccount>> _rosters = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyList<TeamsChannelAccount>> _closed = new(StringComparer.OrdinalIgnoreCase);
    private int _ids;

    private FakeConnector(LoopbackServer server) => _server = server;

    public sealed record ConnectorCall(string Method, string RawTarget, string Path, string Query, string Body, string? Authorization, DateTimeOffset At)
    {
        public Activity? Activity => Body.Length == 0 ? null : JsonSerializer.Deserialize<Activity>(Body, BotJson.Options);
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }

    public sealed record ScriptedFailure(Func<ConnectorCall, bool> When, int Status, string? RetryAfter, string Body);

    /// <summary>The service URL activities from this fake carry, with a trailing slash like Teams'.</summary>
    public string ServiceUrl => _server.BaseUrl + "/amer/";
    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public static async Task<FakeConnector> StartAsync()
    {
        FakeConnector? self = null;
        var server = await LoopbackServer.StartAsync(ctx => self!.ServeAsync(ctx));
        return self = new FakeConnector(server);
    }

    public void AddMember(TeamsChannelAccount member) => _roster[member.Id!] = member;

    /// <summary>A conversation (a group chat, a team) with a roster of its own: its pagedmembers answer lists only these.</summary>
    public void SetRoster(string conversationId, params TeamsChannelAccount[] members)
    {
        foreach (var m in members) AddMember(m);
        _rosters[conversationId] = members;
    }

    /// <summary>As <see cref="SetRoster"/>, and asking the conversation about one person finds only these (a team others are not in).</summary>
    public void SetClosedRoster(string conversationId, params TeamsChannelAccount[] members)
    {
        SetRoster(conversationId, members);
        _closed[conversationId] = members;
    }

    /// <summary>The next call matching <paramref name="when"/> gets this answer instead of the normal one (once).</summary>
    public void FailNext(Func<ConnectorCall, bool> when, int status, string? retryAfter = null, string? body = null)
    {
        lock (_script) _script.Add(
            new ScriptedFailure(when, status, retryAfter, body ?? $"{{\"error\":{{\"code\":\"Scripted{status}\",\"message\":\"scripted\"}}}}"));
    }

    /// <summary>Calls matching <paramref name="when"/> are answered only after <paramref name="delay"/>, like a busy Teams.</summary>
    public void SlowDown(Func<ConnectorCall, bool> when, TimeSpan delay) => _slow.Enqueue((when, delay));

    public void Clear() => _calls.Clear();

    private async Task ServeAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        var raw = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var call = new ConnectorCall(ctx.Request.Method, raw, ctx.Request.Path.Value!, ctx.Request.QueryString.Value ?? "", body,
            ctx.Request.Headers.Authorization.FirstOrDefault(), DateTimeOffset.UtcNow);
        _calls.Enqueue(call);
        if (_slow.FirstOrDefault(s => s.When(call)) is { When: not null } slow) await Task.Delay(slow.Delay);

        ScriptedFailure? failure;
        lock (_script)
        {
            failure = _script.FirstOrDefault(s => s.When(call));
            if (failure is not null) _script.Remove(failure);
        }
        if (failure is not null)
        {
            ctx.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null) ctx.Response.Headers.RetryAfter = failure.RetryAfter;
            ctx.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N");
            await ctx.Response.WriteAsync(failure.Body);
            return;
        }

        // Paths relative to the service URL: /amer/v3/conversations/{conv}/...
        var path = call.Path.StartsWith("/amer/", StringComparison.Ordinal) ? call.Path["/amer".Length..] : call.Path;
        var parts = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        switch (ctx.Request.Method, parts)
        {
            case ("POST", ["v3", "conversations"]):
                var parameters = JsonSerializer.Deserialize<ConversationParameters>(body, BotJson.Options)!;
                await ctx.Response.WriteAsJsonAsync(new { id = $"a:dm-{parameters.Members![0].Id}" });
                return;
            case ("POST", ["v3", "conversations", _, "activities", ..]):
                await ctx.Response.WriteAsJsonAsync(new { id = $"activity-{Interlocked.Increment(ref _ids)}" });
                return;
            case ("PUT", ["v3", "conversations", _, "activities", var activityId]):
                await ctx.Response.WriteAsJsonAsync(new { id = activityId });
                return;
            case ("GET", ["v3", "conversations", var memberOf, "members", var memberId]):
                IEnumerable<TeamsChannelAccount> pool = _closed.TryGetValue(memberOf, out var closed) ? closed : _roster.Values;
                var member = pool.FirstOrDefault(m => Matches(m, memberId));
                if (member is null)
                {
                    ctx.Response.StatusCode = 404;
                    await ctx.Response.WriteAsync(
                        "{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"The member is not in the conversation.\"}}");
                }
                else await ctx.Response.WriteAsJsonAsync(member, BotJson.Options);
                return;
            case ("GET", ["v3", "conversations", var rosterOf, "pagedmembers"]):
                var size = int.Parse(ctx.Request.Query["pageSize"].FirstOrDefault() ?? "500");
                var start = int.Parse(ctx.Request.Query["continuationToken"].FirstOrDefault() ?? "0");
                var all = (_rosters.TryGetValue(rosterOf, out var own) ? own : [.. _roster.Values]).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
                var page = all.Skip(start).Take(size).ToList();
                var next = start + size < all.Count ? (start + size).ToString() : null;
                await ctx.Response.WriteAsJsonAsync(new PagedMembersResult { Members = page, ContinuationToken = next }, BotJson.Options);
                return;
            default:
                ctx.Response.StatusCode = 404;
                return;
        }
    }

    private static bool Matches(TeamsChannelAccount m, string id) =>
        string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(m.AadId, id, StringComparison.OrdinalIgnoreCase)
        || string.Equals(m.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
