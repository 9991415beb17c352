using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>
/// Plays login.microsoftonline.com for Teams single sign-on: each tenant's v2 OpenID metadata and keys, and Entra v2
/// access tokens as <c>authentication.getAuthToken()</c> returns them, good and spoiled ones.
/// </summary>
public sealed class FakeEntraIdentity : IAsyncDisposable
{
    public const string Scope = "access_as_user";
    private readonly LoopbackServer _server;
    private readonly Dictionary<string, RsaSecurityKey> _keys = new(StringComparer.OrdinalIgnoreCase);

    private FakeEntraIdentity(LoopbackServer server) => _server = server;

    /// <summary>A key no tenant publishes, with the kid of a real one: a forgery.</summary>
    public RsaSecurityKey ForgerKey { get; } = new(RSA.Create(2048)) { KeyId = "tenant-key" };

    /// <summary>For <c>Tabs:SsoMetadataUrl</c>.</summary>
    public string MetadataUrl => _server.BaseUrl + "/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>For <c>Tabs:SsoIssuer</c>.</summary>
    public string IssuerTemplate => _server.BaseUrl + "/{tenant}/v2.0";

    public string Issuer(string tenant) => IssuerTemplate.Replace("{tenant}", tenant, StringComparison.Ordinal);

    public static async Task<FakeEntraIdentity> StartAsync()
    {
        FakeEntraIdentity? self = null;
        var server = await LoopbackServer.StartAsync(ctx => self!.ServeAsync(ctx));
        return self = new FakeEntraIdentity(server);
    }

    /// <summary>The signing key a tenant publishes (each tenant has its own).</summary>
    public RsaSecurityKey KeyOf(string tenant)
    {
        lock (_keys)
        {
            if (!_keys.TryGetValue(tenant, out var key)) _keys[tenant] = key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "tenant-key" };
            return key;
        }
    }

    /// <summary>An access token for the tab; every part can be spoiled for a negative test.</summary>
    public string Mint(string tenant, string objectId, string audience, RsaSecurityKey? key = null, string? issuer = null,
        string scope = Scope, string version = "2.0", DateTimeOffset? expires = null, string name = "Tab User")
    {
        var exp = expires ?? DateTimeOffset.UtcNow.AddMinutes(60);
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant,
            ["oid"] = objectId,
            ["scp"] = scope,
            ["ver"] = version,
            ["name"] = name,
            ["preferred_username"] = "someone.else@contoso.com",
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer(tenant),
            Audience = audience,
            NotBefore = exp.AddHours(-2).UtcDateTime,
            IssuedAt = exp.AddHours(-2).UtcDateTime,
            Expires = exp.UtcDateTime,
            Claims = claims,
            Subject = new ClaimsIdentity([new Claim("sub", "pairwise-" + objectId)]),
            SigningCredentials = new SigningCredentials(key ?? KeyOf(tenant), SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task ServeAsync(HttpContext ctx)
    {
        var parts = (ctx.Request.Path.Value ?? "").Trim('/').Split('/');
        switch (parts)
        {
            case [var tenant, "v2.0", ".well-known", "openid-configuration"]:
                await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["issuer"] = Issuer(tenant),
                    ["authorization_endpoint"] = $"{_server.BaseUrl}/{tenant}/oauth2/v2.0/authorize",
                    ["jwks_uri"] = $"{_server.BaseUrl}/{tenant}/discovery/v2.0/keys",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                });
                break;
            case [var tenant, "discovery", "v2.0", "keys"]:
                var p = KeyOf(tenant).Rsa.ExportParameters(false);
                await ctx.Response.WriteAsJsonAsync(new
                {
                    keys = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = KeyOf(tenant).KeyId!,
                            ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                        },
                    },
                });
                break;
            default:
                ctx.Response.StatusCode = 404;
                break;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
