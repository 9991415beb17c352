using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Installations;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>The bot identity the app acts as in one workspace.</summary>
public sealed record SlackBot(string Token, string? BotUserId);

/// <summary>
/// Which bot token to use for a team: its OAuth installation (a team install, else its organisation's org-wide
/// install), else the configured single-workspace token. Tokens are encrypted with Data Protection before they
/// reach storage; decrypted ones are kept in memory for a minute because every command needs one.
/// </summary>
public sealed class SlackInstallations(IServiceProvider services, IDataProtectionProvider dataProtection, IOptions<SlackOptions> options, TimeProvider time)
{
    // Resolved on first use: single-workspace mode never needs storage, so it must not require it.
    private IInstallationStore Store => field ??= services.GetRequiredService<IInstallationStore>();

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("RecognitionBot.Slack.BotToken.v1");
    private readonly ConcurrentDictionary<string, (SlackBot? Bot, DateTimeOffset Until)> _cache = new();

    public async Task<SlackBot?> BotForAsync(string teamId, string? enterpriseId, CancellationToken ct = default)
    {
        var settings = options.Value;
        var fallback = string.IsNullOrEmpty(settings.BotToken) ? null : new SlackBot(settings.BotToken, null);
        if (!settings.OAuthEnabled) return fallback;

        var key = $"{enterpriseId}|{teamId}";
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && hit.Until > now) return hit.Bot ?? fallback;

        var installation = await Store.FindAsync(Platform.Slack, teamId, ct);
        if (installation is null && !string.IsNullOrEmpty(enterpriseId))
            installation = await Store.FindAsync(Platform.Slack, enterpriseId, ct);
        var bot = installation is null ? null : new SlackBot(_protector.Unprotect(installation.ProtectedSecret), installation.BotUserId);
        _cache[key] = (bot, now + CacheFor);
        return bot ?? fallback;
    }

    /// <summary>Stores (or replaces) the installation an OAuth exchange produced, keyed by team, or by enterprise for an org-wide install.</summary>
    public async Task<Installation> SaveAsync(OAuthV2Access access, CancellationToken ct = default)
    {
        var key = access.IsEnterpriseInstall ? access.Enterprise?.Id : access.Team?.Id;
        if (string.IsNullOrEmpty(key)) throw new InvalidOperationException("oauth.v2.access named neither a team nor an enterprise.");
        var installation = new Installation(Platform.Slack, key, _protector.Protect(access.AccessToken), time.GetUtcNow())
        {
            Name = access.IsEnterpriseInstall ? access.Enterprise?.Name : access.Team?.Name,
            BotUserId = access.BotUserId,
            AppId = access.AppId,
            InstalledBy = access.AuthedUser?.Id,
            Scopes = access.Scope,
        };
        await Store.SaveAsync(installation, ct);
        _cache.Clear();
        return installation;
    }

    /// <summary>Forgets a team's installation (and its organisation's, for an org-wide one). Repeating it is harmless.</summary>
    public async Task RemoveAsync(string teamId, string? orgWideEnterpriseId, CancellationToken ct = default)
    {
        // Single-workspace mode stores nothing; its token lives in configuration.
        if (!options.Value.OAuthEnabled) return;
        await Store.DeleteAsync(Platform.Slack, teamId, ct);
        if (!string.IsNullOrEmpty(orgWideEnterpriseId)) await Store.DeleteAsync(Platform.Slack, orgWideEnterpriseId, ct);
        _cache.Clear();
    }
}
