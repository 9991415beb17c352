using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RecognitionBot.Teams;

public enum AuthOutcome
{
    Accepted,
    /// <summary>401: missing, malformed, forged, stale or misdirected token.</summary>
    Unauthorized,
    /// <summary>403: a valid token for an activity we do not serve: another channel, a tenant not served, tenants that disagree.</summary>
    Forbidden,
}

/// <summary>
/// Checks the Bot Framework's JWT on an inbound activity (PROTOCOLS A1): scheme, issuer, audience, lifetime with
/// 5 minutes of skew, RS256 signature from the OpenID metadata keys, the <c>serviceurl</c> claim against the
/// activity, and the key's endorsement for the activity's channel. Then what the token cannot say: the activity is
/// Teams' (<c>msteams</c>; a Direct Line client with a webchat token chooses <c>from</c> and <c>channelData</c> freely)
/// and of a tenant this deployment serves.
/// </summary>
public sealed class BotFrameworkAuth(
    IOptions<TeamsOptions> options,
    BotFrameworkSigningKeys keys,
    IHostEnvironment environment,
    ILogger<BotFrameworkAuth> logger)
{
    public const string TeamsChannel = "msteams";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>
    /// First half, before the body is trusted: is the bearer token genuine and meant for this bot? Without an app id
    /// only local mode answers: switched on, outside Production, from this machine and not through a proxy (behind a
    /// reverse proxy every request comes from loopback).
    /// </summary>
    public async Task<TokenCheck> ValidateTokenAsync(string? authorization, IPAddress? remote, bool forwarded, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Authenticated)
        {
            if (!settings.LocalMode || environment.IsProduction())
            {
                logger.LogWarning("Refused an activity: Teams is not configured (no Teams:AppId) and local mode is {State}",
                    settings.LocalMode ? "not allowed in Production" : "off");
                return TokenCheck.Refused;
            }
            if (forwarded || remote is null || !IPAddress.IsLoopback(remote))
            {
                logger.LogWarning(
                    "Refused an activity from {Remote} (forwarded: {Forwarded}): local mode only serves this machine directly", remote, forwarded);
                return TokenCheck.Refused;
            }
            return TokenCheck.Anonymous;
        }

        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return TokenCheck.Refused;
        var token = authorization[scheme.Length..].Trim();
        if (token.Length == 0 || !_handler.CanReadToken(token) || !SignedWithRs256(token)) return TokenCheck.Refused;

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await keys.CurrentAsync(ct);
        }
        catch (Exception e) when (KeysUnreachable(e) && !ct.IsCancellationRequested)
        {
            // Not the sender's fault and not a refusal: 503, so the Bot Connector sends the activity again later.
            logger.LogWarning("Could not fetch the Bot Framework signing keys: {Error}", e.Message);
            return TokenCheck.KeysUnavailable;
        }
        var result = await ValidateAsync(token, configuration);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: an unknown kid makes us fetch the metadata again (rate-limited) before refusing.
            OpenIdConnectConfiguration fresh;
            try
            {
                fresh = await keys.RefreshAsync(configuration, ct);
            }
            catch (Exception e) when (KeysUnreachable(e) && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Could not fetch the Bot Framework signing keys again for an unknown key: {Error}", e.Message);
                fresh = configuration;
            }
            if (!ReferenceEquals(fresh, configuration))
            {
                configuration = fresh;
                result = await ValidateAsync(token, configuration);
            }
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            logger.LogWarning("Refused an activity token: {Reason}", result.Exception?.GetType().Name ?? "invalid");
            return TokenCheck.Refused;
        }
        var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
        return new TokenCheck(true, serviceUrl, Endorsements(configuration, jwt.Kid));
    }

    /// <summary>Second half, once the activity is parsed: does the token speak for this activity, and do we serve it?</summary>
    public AuthOutcome CheckActivity(TokenCheck token, Activity activity)
    {
        if (!token.Valid) return AuthOutcome.Unauthorized;
        if (!string.Equals(activity.ChannelId, TeamsChannel, StringComparison.Ordinal))
        {
            logger.LogWarning("Refused an activity of channel {Channel}: only msteams is served", activity.ChannelId);
            return AuthOutcome.Forbidden;
        }
        var conversationTenant = activity.Conversation?.TenantId;
        var channelDataTenant = activity.ChannelData?.Tenant?.Id;
        if (activity.TenantId is not { } tenant
            || (!string.IsNullOrWhiteSpace(conversationTenant) && !string.IsNullOrWhiteSpace(channelDataTenant)
                && !string.Equals(conversationTenant, channelDataTenant, StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogWarning("Refused an activity: its tenant is missing, or conversation and channelData name different tenants");
            return AuthOutcome.Forbidden;
        }
        if (token.IsAnonymous)
        {
            // What local mode stores as a service URL must never later receive a connector token: this machine only.
            if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var local) || !TeamsOptionsValidator.IsLoopback(local))
            {
                logger.LogWarning("Refused a local-mode activity whose service URL is not on this machine");
                return AuthOutcome.Forbidden;
            }
            return AuthOutcome.Accepted;
        }
        if (token.ServiceUrl is null || !string.Equals(token.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused an activity: its serviceUrl does not match the token's");
            return AuthOutcome.Unauthorized;
        }
        if (activity.ChannelId is null || !token.Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused an activity: the signing key is not endorsed for channel {Channel}", activity.ChannelId);
            return AuthOutcome.Forbidden;
        }
        if (!options.Value.AllowsTenant(tenant))
        {
            logger.LogWarning("Refused an activity of tenant {Tenant}: not in Teams:AllowedTenants", tenant);
            return AuthOutcome.Forbidden;
        }
        return AuthOutcome.Accepted;
    }

    /// <summary>The header names RS256, the only algorithm the Bot Framework signs with: none, HS256 ... go no further.</summary>
    private bool SignedWithRs256(string token)
    {
        try
        {
            return _handler.ReadJsonWebToken(token).Alg == SecurityAlgorithms.RsaSha256;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return false;
        }
    }

    /// <summary>IdentityModel's "unable to obtain configuration" (IDX20803) and the network errors under it.</summary>
    private static bool KeysUnreachable(Exception e) => e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException;

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration) =>
        _handler.ValidateTokenAsync(token, SignedTokens.Rs256(options.Value.TokenIssuer, [options.Value.AppId!], configuration.SigningKeys));

    private static IReadOnlyList<string> Endorsements(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value)) return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            IEnumerable<object> list => [.. list.OfType<string>()],
            _ => [],
        };
    }
}

/// <summary>The outcome of the token half of the check, carried to the activity half.</summary>
public sealed record TokenCheck(bool Valid, string? ServiceUrl, IReadOnlyList<string> Endorsements)
{
    public static readonly TokenCheck Refused = new(false, null, []);
    public static readonly TokenCheck Anonymous = new(true, null, []) { IsAnonymous = true };

    /// <summary>The signing keys could not be fetched: the token is neither accepted nor refused (503).</summary>
    public static readonly TokenCheck KeysUnavailable = new(false, null, []) { Unavailable = true };

    public bool IsAnonymous { get; private init; }

    public bool Unavailable { get; private init; }
}

/// <summary>
/// The Bot Framework signing keys, cached by IdentityModel's configuration manager (12 h) and fetched again when a
/// token names a key we do not know. The manager refreshes in the background on request, so we wait briefly for it.
/// </summary>
public sealed class BotFrameworkSigningKeys(IConfigurationManager<OpenIdConnectConfiguration> manager, TimeProvider time)
{
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    /// <summary>Matches the manager's own rate limit on requested refreshes, so we only wait when it will fetch.</summary>
    public TimeSpan MinimumRefreshInterval { get; init; } = BaseConfigurationManager.DefaultRefreshInterval;

    public Task<OpenIdConnectConfiguration> CurrentAsync(CancellationToken ct) => manager.GetConfigurationAsync(ct);

    public async Task<OpenIdConnectConfiguration> RefreshAsync(OpenIdConnectConfiguration stale, CancellationToken ct)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _lastRefresh < MinimumRefreshInterval) return stale;
            _lastRefresh = now;
        }
        manager.RequestRefresh();
        var until = time.GetUtcNow() + RefreshWait;
        while (time.GetUtcNow() < until)
        {
            var current = await manager.GetConfigurationAsync(ct);
            if (!ReferenceEquals(current, stale)) return current;
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct);
        }
        return stale;
    }
}
