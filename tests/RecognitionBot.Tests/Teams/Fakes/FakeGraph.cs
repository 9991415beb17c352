using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>
/// Plays graph.microsoft.com/v1.0 for <c>GET /users/{id}/manager</c>, <c>POST /users/{id}/checkMemberGroups</c>,
/// <c>GET /teams/{group}/tags/{tag}/members</c> (two members a page, to prove paging) and <c>GET /users?$search</c>,
/// per tenant (told apart by the bearer token).
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<(string Tenant, string User), (string Id, string Name, string Mail)> _managers = new();
    private readonly ConcurrentDictionary<string, bool> _forbiddenTenants = new();
    private readonly ConcurrentDictionary<(string Tenant, string User, string Group), bool> _groupMembers = new();
    private readonly ConcurrentDictionary<(string Tenant, string User), bool> _accounts = new();
    private readonly ConcurrentDictionary<(string Tenant, string Team, string Tag), IReadOnlyList<TagMember>> _tags = new();
    private readonly ConcurrentDictionary<(string Tenant, string User), (string Name, string Mail)> _users = new();

    /// <summary>A tag's member as Graph lists them: the user's AAD id and home tenant.</summary>
    public sealed record TagMember(string UserId, string DisplayName, string TenantId);

    private FakeGraph(LoopbackServer server) => _server = server;

    public sealed record GraphCall(string Path, string? Authorization, string Query = "");

    public string BaseUrl => _server.BaseUrl + "/v1.0";
    public ConcurrentQueue<GraphCall> Calls { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        FakeGraph? self = null;
        var server = await LoopbackServer.StartAsync(ctx => self!.ServeAsync(ctx));
        return self = new FakeGraph(server);
    }

    public void SetManager(string tenant, string user, string managerId, string name, string mail) => _managers[(tenant, user)] = (managerId, name, mail);

    /// <summary>What <c>GET /users/{id}?$select=id,accountEnabled</c> answers; a user never set is not found (404).</summary>
    public void SetAccount(string tenant, string user, bool enabled) => _accounts[(tenant, user)] = enabled;

    public void AddToGroup(string tenant, string user, string group) => _groupMembers[(tenant, user, group)] = true;

    public void SetTag(string tenant, string teamGroupId, string tagId, params TagMember[] members) => _tags[(tenant, teamGroupId, tagId)] = members;

    /// <summary>A member of the tenant's directory, found by <c>/users?$search</c>.</summary>
    public void AddUser(string tenant, string user, string name, string mail) => _users[(tenant, user)] = (name, mail);

    /// <summary>The tenant's admin has not consented: Graph answers 403.</summary>
    public void Forbid(string tenant) => _forbiddenTenants[tenant] = true;

    private async Task ServeAsync(HttpContext ctx)
    {
        var auth = ctx.Request.Headers.Authorization.FirstOrDefault();
        Calls.Enqueue(new GraphCall(ctx.Request.Path.Value!, auth, Uri.UnescapeDataString(ctx.Request.QueryString.Value ?? "")));
        // Tokens from FakeTokenEndpoint read "token|{tenant}|{scope}".
        var token = auth?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? auth["Bearer ".Length..].Split('|') : [];
        if (token.Length != 3 || token[2] != "https://graph.microsoft.com/.default")
        {
            await Error(ctx, 401, "InvalidAuthenticationToken");
            return;
        }
        var tenant = token[1];
        var parts = ctx.Request.Path.Value!.Trim('/').Split('/');
        if (_forbiddenTenants.ContainsKey(tenant))
        {
            await Error(ctx, 403, "Authorization_RequestDenied");
            return;
        }
        if (ctx.Request.Method == "POST" && parts is ["v1.0", "users", var member, "checkMemberGroups"])
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(ctx.Request.Body);
            var asked = body.RootElement.GetProperty("groupIds").EnumerateArray().Select(g => g.GetString()!).ToList();
            var userId = Uri.UnescapeDataString(member);
            await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)",
                ["value"] = asked.Where(g => _groupMembers.ContainsKey((tenant, userId, g))).ToArray(),
            });
            return;
        }
        if (ctx.Request.Method == "GET" && parts is ["v1.0", "teams", var team, "tags", var tagId, "members"])
        {
            if (!_tags.TryGetValue((tenant, Uri.UnescapeDataString(team), Uri.UnescapeDataString(tagId)), out var members))
            {
                await Error(ctx, 404, "NotFound");
                return;
            }
            var skip = int.Parse(ctx.Request.Query["$skiptoken"].FirstOrDefault() ?? "0");
            var page = members.Skip(skip).Take(2).Select(m => new Dictionary<string, object>
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["displayName"] = m.DisplayName,
                ["tenantId"] = m.TenantId,
                ["userId"] = m.UserId,
            });
            var body = new Dictionary<string, object> { ["value"] = page.ToArray() };
            if (skip + 2 < members.Count) body["@odata.nextLink"] = $"{BaseUrl}/teams/{team}/tags/{tagId}/members?$skiptoken={skip + 2}";
            await ctx.Response.WriteAsJsonAsync(body);
            return;
        }
        if (ctx.Request.Method == "GET" && parts is ["v1.0", "users"] && ctx.Request.Query["$filter"].FirstOrDefault() is { } filter
            && filter.StartsWith("mail eq '", StringComparison.Ordinal))
        {
            // "mail eq 'x' or userPrincipalName eq 'x'": an exact, case-insensitive match on the address.
            var mail = filter["mail eq '".Length..].Split('\'')[0];
            var byMail = _users.Where(u => u.Key.Tenant == tenant && string.Equals(u.Value.Mail, mail, StringComparison.OrdinalIgnoreCase))
                .Select(u => new Dictionary<string, object> { ["id"] = u.Key.User, ["displayName"] = u.Value.Name, ["mail"] = u.Value.Mail });
            await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["value"] = byMail.ToArray() });
            return;
        }
        if (ctx.Request.Method == "GET" && parts is ["v1.0", "users"])
        {
            // "displayName:ann" OR "mail:ann": the first quoted word after a colon.
            var search = ctx.Request.Query["$search"].FirstOrDefault() ?? "";
            var typed = search.Split('"', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(':').Last() ?? "";
            var found = _users.Where(u => u.Key.Tenant == tenant && (u.Value.Name.Split(' ').Any(w => w.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    || u.Value.Mail.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
                .Select(u => new Dictionary<string, object> { ["id"] = u.Key.User, ["displayName"] = u.Value.Name, ["mail"] = u.Value.Mail });
            await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["value"] = found.ToArray() });
            return;
        }
        if (ctx.Request.Method == "GET" && parts is ["v1.0", "users", var account])
        {
            if (!_accounts.TryGetValue((tenant, Uri.UnescapeDataString(account)), out var enabled))
            {
                await Error(ctx, 404, "Request_ResourceNotFound");
                return;
            }
            await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(id,accountEnabled)/$entity",
                ["id"] = Uri.UnescapeDataString(account),
                ["accountEnabled"] = enabled,
            });
            return;
        }
        if (ctx.Request.Method != "GET" || parts is not ["v1.0", "users", var user, "manager"])
        {
            await Error(ctx, 400, "BadRequest");
            return;
        }
        if (!_managers.TryGetValue((tenant, Uri.UnescapeDataString(user)), out var manager))
        {
            await Error(ctx, 404, "Request_ResourceNotFound");
            return;
        }
        await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity",
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = manager.Id,
            ["displayName"] = manager.Name,
            ["mail"] = manager.Mail,
        });
    }

    private static async Task Error(HttpContext ctx, int status, string code)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync($"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{code}\"}}}}");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
