using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>Plays login.microsoftonline.com's v2 token endpoint for client credentials, per tenant.</summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeTokenEndpoint(LoopbackServer server) => _server = server;

    public sealed record TokenRequest(string Tenant, string? ClientId, string? ClientSecret, string? Scope, string? GrantType);

    public string AuthorityHost => _server.BaseUrl;
    public ConcurrentQueue<TokenRequest> Requests { get; } = new();
    public ConcurrentQueue<string> UnexpectedPaths { get; } = new();

    /// <summary>The access token this endpoint issues for a tenant and scope, so fakes downstream can check it.</summary>
    public static string TokenFor(string tenant, string scope) => $"token|{tenant}|{scope}";

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        FakeTokenEndpoint? self = null;
        var server = await LoopbackServer.StartAsync(ctx => self!.ServeAsync(ctx));
        return self = new FakeTokenEndpoint(server);
    }

    private async Task ServeAsync(HttpContext ctx)
    {
        var segments = ctx.Request.Path.Value!.Trim('/').Split('/');
        if (ctx.Request.Method != "POST" || segments.Length != 4 || segments[1] != "oauth2" || segments[2] != "v2.0" || segments[3] != "token")
        {
            UnexpectedPaths.Enqueue($"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}");
            ctx.Response.StatusCode = 404;
            return;
        }
        var form = await ctx.Request.ReadFormAsync();
        var request = new TokenRequest(segments[0], form["client_id"], form["client_secret"], form["scope"], form["grant_type"]);
        Requests.Enqueue(request);
        await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = TokenFor(request.Tenant, request.Scope ?? ""),
        });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
