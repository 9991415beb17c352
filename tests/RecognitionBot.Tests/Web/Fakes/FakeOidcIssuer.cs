using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Web.Fakes;

/// <summary>
/// A local OpenID Connect issuer on HTTPS loopback, playing Slack's "Sign in with Slack" or Microsoft Entra ID:
/// discovery, an authorize endpoint that sends the browser straight back with a code for the person the test chose,
/// a token endpoint that answers an RS256 id_token for that code (with the request's nonce), and the JWKS.
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    public const string ClientId = "dashboard-client";
    public const string ClientSecret = "dashboard-secret-for-tests";

    private readonly LoopbackServer _server;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "issuer-key-1" };
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, object> Claims, string? Nonce, string RedirectUri)> _codes = new();
    private volatile IReadOnlyDictionary<string, object>? _next;
    private readonly bool _entra;

    private FakeOidcIssuer(LoopbackServer server, bool entra)
    {
        _server = server;
        _entra = entra;
    }

    /// <summary>The authority to configure (what discovery is read from).</summary>
    public string Authority => _entra ? $"{_server.BaseUrl}/organizations/v2.0" : _server.BaseUrl;

    public int TokenRequests => _tokenRequests;

    private int _tokenRequests;

    /// <summary>Slack's issuer: <c>iss</c> is the issuer itself, people come as team and user claims.</summary>
    public static Task<FakeOidcIssuer> StartSlackAsync() => StartAsync(entra: false);

    /// <summary>Entra's multi-tenant issuer: discovery names <c>{tenantid}</c>, each token its own tenant's issuer.</summary>
    public static Task<FakeOidcIssuer> StartEntraAsync() => StartAsync(entra: true);

    private static async Task<FakeOidcIssuer> StartAsync(bool entra)
    {
        FakeOidcIssuer? self = null;
        var server = await LoopbackServer.StartAsync(ctx => self!.ServeAsync(ctx));
        self = new FakeOidcIssuer(server, entra);
        return self;
    }

    /// <summary>The next sign-in is this Slack member of this team.</summary>
    public void NextSlackUser(string team, string user, string name) => _next = new Dictionary<string, object>
    {
        ["sub"] = user,
        ["https://slack.com/team_id"] = team,
        ["https://slack.com/user_id"] = user,
        ["name"] = name,
    };

    /// <summary>The next sign-in is this Entra user (object id) of this tenant.</summary>
    public void NextEntraUser(string tenant, string objectId, string name) => _next = new Dictionary<string, object>
    {
        ["sub"] = "pairwise-" + objectId,
        ["tid"] = tenant,
        ["oid"] = objectId,
        ["name"] = name,
        ["ver"] = "2.0",
    };

    private string IssuerFor(IReadOnlyDictionary<string, object> claims) =>
        _entra ? $"{_server.BaseUrl}/{claims["tid"]}/v2.0" : _server.BaseUrl;

    private async Task ServeAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            var root = _entra ? $"{_server.BaseUrl}/organizations/v2.0" : _server.BaseUrl;
            await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["issuer"] = _entra ? $"{_server.BaseUrl}/{{tenantid}}/v2.0" : _server.BaseUrl,
                ["authorization_endpoint"] = $"{root}/authorize",
                ["token_endpoint"] = $"{root}/token",
                ["jwks_uri"] = $"{root}/keys",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["scopes_supported"] = new[] { "openid", "profile", "email" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
            });
        }
        else if (path.EndsWith("/authorize", StringComparison.Ordinal))
        {
            var q = ctx.Request.Query;
            var person = _next;
            if (q["client_id"] != ClientId || person is null || string.IsNullOrEmpty(q["redirect_uri"]))
            {
                ctx.Response.StatusCode = 400;
                return;
            }
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = (person, q["nonce"], q["redirect_uri"]!);
            ctx.Response.Redirect(QueryHelpers.AddQueryString(q["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"] }));
        }
        else if (path.EndsWith("/token", StringComparison.Ordinal) && HttpMethods.IsPost(ctx.Request.Method))
        {
            Interlocked.Increment(ref _tokenRequests);
            var form = await ctx.Request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code"
                || !_codes.TryRemove(form["code"].ToString(), out var granted) || form["redirect_uri"] != granted.RedirectUri)
            {
                ctx.Response.StatusCode = 400;
                await ctx.Response.WriteAsJsonAsync(new { error = "invalid_grant" });
                return;
            }
            var claims = new Dictionary<string, object>(granted.Claims);
            if (granted.Nonce is { } nonce) claims["nonce"] = nonce;
            var now = DateTime.UtcNow;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = IssuerFor(granted.Claims),
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddMinutes(10),
                Claims = claims,
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["ok"] = true,
                ["access_token"] = "xoxp-or-entra-access-token",
                ["token_type"] = "Bearer",
                ["id_token"] = idToken,
            });
        }
        else if (path.EndsWith("/keys", StringComparison.Ordinal))
        {
            var p = _key.Rsa.ExportParameters(false);
            await ctx.Response.WriteAsJsonAsync(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = _key.KeyId!,
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    },
                },
            });
        }
        else
        {
            ctx.Response.StatusCode = 404;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
