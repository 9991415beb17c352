using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Conversations;
using RecognitionBot.Core.Installations;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>The bot identity the app acts as in one workspace.</summary>
public sealed record SlackBot(string Token, string? BotUserId);

/// <summary>
/// Which bot token to use for a team: its OAuth installation (a team install, else its organisation's org-wide
/// install), else the configured single-workspace token, which serves only the team <c>auth.test</c> reports for it.
/// Tokens are encrypted with Data Protection before they reach storage; decrypted ones are kept in memory for a
/// minute because every command needs one.
/// On Enterprise Grid a team is served by its enterprise's org-wide install. Requests from Slack name both ids; the
/// directory, roster and outbox only know the workspace (the team), so the team's enterprise, learned from those
/// signed requests, is remembered in the workspace's conversations partition for every instance and restart.
/// </summary>
public sealed class SlackInstallations(
    IServiceProvider services, IDataProtectionProvider dataProtection, SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SlackInstallations> log)
{
    private const string EnterpriseKey = "slack-enterprise";

    // Resolved on first use: single-workspace mode never needs the installation store, so it must not require it.
    private IInstallationStore Store => field ??= services.GetRequiredService<IInstallationStore>();

    private ConversationDirectory Conversations => field ??= services.GetRequiredService<ConversationDirectory>();

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("RecognitionBot.Slack.BotToken.v1");
    private readonly ConcurrentDictionary<string, (SlackBot? Bot, DateTimeOffset Until)> _cache = new();
    private readonly ConcurrentDictionary<string, (string? Enterprise, DateTimeOffset Until)> _enterprises = new();
    private Task<SlackAuthIdentity>? _configured;

    /// <summary>The bot for a request from Slack, which names the team and (on Enterprise Grid) its enterprise.</summary>
    public async Task<SlackBot?> BotForAsync(string teamId, string? enterpriseId, CancellationToken ct = default)
    {
        var bot = await FindBotAsync(teamId, enterpriseId, ct);
        // Only a team the app serves is remembered: a refused request writes nothing.
        if (bot is not null && !string.IsNullOrEmpty(enterpriseId)) await RememberEnterpriseAsync(teamId, enterpriseId, ct);
        return bot;
    }

    private async Task<SlackBot?> FindBotAsync(string teamId, string? enterpriseId, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.OAuthEnabled) return await ConfiguredBotForAsync(teamId, enterpriseId, ct);

        var key = $"{enterpriseId}|{teamId}";
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && hit.Until > now) return hit.Bot ?? await ConfiguredBotForAsync(teamId, enterpriseId, ct);

        var installation = await Store.FindAsync(Platform.Slack, teamId, ct);
        if (installation is null && !string.IsNullOrEmpty(enterpriseId))
            installation = await Store.FindAsync(Platform.Slack, enterpriseId, ct);
        var bot = installation is null ? null : new SlackBot(_protector.Unprotect(installation.ProtectedSecret), installation.BotUserId);
        _cache[key] = (bot, now + CacheFor);
        return bot ?? await ConfiguredBotForAsync(teamId, enterpriseId, ct);
    }

    /// <summary>The bot for work the app starts itself (lookups, posts): the workspace's enterprise comes from what Slack said earlier.</summary>
    public async Task<SlackBot?> BotForAsync(WorkspaceId workspace, CancellationToken ct = default) =>
        await BotForAsync(workspace.Id, await EnterpriseOfAsync(workspace, ct), ct);

    /// <summary>The Enterprise Grid organisation of a workspace, as Slack's signed requests named it; null outside Grid.</summary>
    public async Task<string?> EnterpriseOfAsync(WorkspaceId workspace, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_enterprises.TryGetValue(workspace.Id, out var known) && known.Until > now) return known.Enterprise;
        var stored = await Conversations.FindAsync(workspace, EnterpriseKey, ct);
        // Known for good once found; "none" (most workspaces) is asked again after a minute, since another instance
        // may have just learned it, and an outbox post on every call must not cost a storage read.
        _enterprises[workspace.Id] = (stored, stored is null ? now + CacheFor : DateTimeOffset.MaxValue);
        return stored;
    }

    private async Task RememberEnterpriseAsync(string teamId, string enterpriseId, CancellationToken ct)
    {
        if (_enterprises.TryGetValue(teamId, out var known) && known.Enterprise == enterpriseId) return;
        // Team ids are unique across Slack and a team never changes organisation; the write is idempotent anyway.
        await Conversations.SaveAsync(SlackWorkspace.Id(teamId), EnterpriseKey, enterpriseId, ct);
        _enterprises[teamId] = (enterpriseId, DateTimeOffset.MaxValue);
    }

    /// <summary>
    /// <c>Slack:BotToken</c>, for the one team (or, for an org-wide token, the one enterprise) <c>auth.test</c> says it
    /// belongs to. Asked once and remembered; a failed answer is asked again next time.
    /// </summary>
    private async Task<SlackBot?> ConfiguredBotForAsync(string teamId, string? enterpriseId, CancellationToken ct)
    {
        var token = options.Value.BotToken;
        if (string.IsNullOrEmpty(token)) return null;
        var asked = _configured ??= api.AuthTestAsync(token, CancellationToken.None);
        SlackAuthIdentity identity;
        try
        {
            identity = await asked.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            _ = Interlocked.CompareExchange(ref _configured, null, asked);
            throw;
        }
        if (identity.Serves(teamId, enterpriseId)) return new SlackBot(token, identity.UserId);
        log.LogWarning(
            "Slack:BotToken belongs to team {TokenTeam}; a request for team {Team} ({Enterprise}) was refused", identity.TeamId, teamId, enterpriseId);
        return null;
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
