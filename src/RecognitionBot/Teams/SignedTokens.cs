using Microsoft.IdentityModel.Tokens;

namespace RecognitionBot.Teams;

/// <summary>The one set of rules every Microsoft-signed JWT we accept is held to (Bot Framework activities, Teams SSO).</summary>
internal static class SignedTokens
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>RS256 only, signed by one of <paramref name="keys"/> (the token's kid), from the issuer, for one of the audiences, in its lifetime.</summary>
    public static TokenValidationParameters Rs256(string issuer, IEnumerable<string> audiences, IEnumerable<SecurityKey> keys) => new()
    {
        ValidIssuer = issuer,
        ValidAudiences = audiences,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = ClockSkew,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = false,
    };
}
