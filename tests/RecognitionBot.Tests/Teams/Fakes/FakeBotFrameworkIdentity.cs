using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>
/// Plays login.botframework.com: OpenID metadata and a JWKS with endorsed test keys, and mints Bot Framework tokens,
/// good and bad ones.
/// </summary>
public sealed class FakeBotFrameworkIdentity : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly LoopbackServer _server;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published;
    private int _metadataRequests;

    private FakeBotFrameworkIdentity(LoopbackServer server, List<(RsaSecurityKey, string[])> published)
    {
        _server = server;
        _published = published;
    }

    /// <summary>Published, endorsed for msteams.</summary>
    public RsaSecurityKey TeamsKey { get; } = NewKey("teams-key-1");
    /// <summary>Published, endorsed only for another channel.</summary>
    public RsaSecurityKey OtherChannelKey { get; } = NewKey("webchat-key-1");
    /// <summary>Published only after <see cref="RotateKeys"/>: a key the app has not seen yet.</summary>
    public RsaSecurityKey NextTeamsKey { get; } = NewKey("teams-key-2");
    /// <summary>Never published, and claiming the kid of <see cref="TeamsKey"/>: a forgery.</summary>
    public RsaSecurityKey ForgerKey { get; } = NewKey("teams-key-1");

    public string MetadataUrl => $"{_server.BaseUrl}/v1/.well-known/openidconfiguration";
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<FakeBotFrameworkIdentity> StartAsync()
    {
        var published = new List<(RsaSecurityKey, string[])>();
        FakeBotFrameworkIdentity? self = null;
        var server = await LoopbackServer.StartAsync(ctx => self!.ServeAsync(ctx));
        self = new FakeBotFrameworkIdentity(server, published);
        published.Add((self.TeamsKey, ["msteams", "skype"]));
        published.Add((self.OtherChannelKey, ["webchat"]));
        return self;
    }

    public void RotateKeys()
    {
        lock (_published) _published.Add((NextTeamsKey, ["msteams"]));
    }

    /// <summary>A token as the Bot Framework would send it; every part can be spoiled for a negative test.</summary>
    public string Mint(string audience, string serviceUrl, RsaSecurityKey? key = null, string issuer = Issuer,
        DateTimeOffset? expires = null, DateTimeOffset? notBefore = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var exp = expires ?? DateTimeOffset.UtcNow.AddMinutes(30);
        var nbf = notBefore ?? exp.AddHours(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = nbf.UtcDateTime,
            IssuedAt = nbf.UtcDateTime,
            Expires = exp.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl), new Claim("appid", "bot-framework-service")]),
            SigningCredentials = new SigningCredentials(key ?? TeamsKey, algorithm),
        });
    }

    private async Task ServeAsync(HttpContext ctx)
    {
        switch (ctx.Request.Path.Value)
        {
            case "/v1/.well-known/openidconfiguration":
                Interlocked.Increment(ref _metadataRequests);
                await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = "https://invalid.botframework.com",
                    ["jwks_uri"] = $"{_server.BaseUrl}/v1/.well-known/keys",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                    ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
                });
                break;
            case "/v1/.well-known/keys":
                List<object> keys;
                lock (_published) keys = [.. _published.Select(p => Jwk(p.Key, p.Endorsements))];
                await ctx.Response.WriteAsJsonAsync(new { keys });
                break;
            default:
                ctx.Response.StatusCode = 404;
                break;
        }
    }

    private static object Jwk(RsaSecurityKey key, string[] endorsements)
    {
        var p = key.Rsa.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
