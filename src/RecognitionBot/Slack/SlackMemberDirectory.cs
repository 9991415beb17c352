using Microsoft.Extensions.Options;
using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// Slack's people, from users.info (with locale): bots, Slackbot and deactivated accounts are never members, and
/// people of other organisations (Slack Connect) are outsiders; workspace admins and owners, plus the configured
/// admin ids, are the bot's admins. Answers are kept for a few
/// minutes because every command asks about the giver and each recipient.
/// </summary>
public sealed class SlackMemberDirectory(
    SlackApiClient api, SlackInstallations installations, IOptions<SlackOptions> options, TimeProvider time) : IMemberDirectory
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    // Bounded: a workspace of 20,000 people must not keep every profile ever asked for.
    private readonly BoundedCache<(string Team, string User), (MemberProfile? Profile, DateTimeOffset Until)> _cache = new(20_000, TimeSpan.FromMinutes(10));

    public Platform Platform => Platform.Slack;

    public async Task<MemberProfile?> FindAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken)
    {
        var key = (workspace.Id, member.Value);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && hit.Until > now) return hit.Profile;

        var bot = await installations.BotForAsync(workspace, cancellationToken)
            ?? throw new InvalidOperationException($"Slack workspace {workspace.Id} is not installed.");
        SlackUser? user;
        try
        {
            user = await api.UserInfoAsync(bot.Token, member.Value, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "user_not_visible")
        {
            user = null;
        }

        var outsider = user is not null && IsOutsider(user, workspace.Id, await installations.EnterpriseOfAsync(workspace, cancellationToken));
        var profile = user is null
            ? null
            : new MemberProfile(
                member,
                user.DisplayName,
                IsBot: !user.IsPerson && !user.Deleted,
                IsDeactivated: user.Deleted,
                IsPlatformAdmin: !outsider && (user.IsAdmin || user.IsOwner || user.IsPrimaryOwner || options.Value.AdminUserIds.Contains(member.Value)),
                Locale: user.Locale,
                IsOutsider: outsider);
        _cache[key] = (profile, now + CacheFor);
        return profile;
    }

    /// <summary>Forgets what was cached about a person: Slack just said their account changed.</summary>
    public void Forget(WorkspaceId workspace, MemberId member) => _cache.TryRemove((workspace.Id, member.Value), out _);

    /// <summary>The language of a person as last read from Slack, without asking Slack again (null when not known).</summary>
    public string? PeekLocale(WorkspaceId workspace, MemberId member) =>
        _cache.TryGetValue((workspace.Id, member.Value), out var hit) ? hit.Profile?.Locale : null;

    /// <summary>
    /// Slack Connect: someone of another organisation who shares a channel with this workspace. Slack may say so
    /// (<c>is_stranger</c>); otherwise their home team differs and, on Enterprise Grid, so does their organisation
    /// (a Grid user's home team may be another team of the same organisation, and they are still one of ours).
    /// </summary>
    private static bool IsOutsider(SlackUser user, string team, string? enterprise)
    {
        if (user.IsStranger) return true;
        if (user.TeamId is null || user.TeamId == team) return false;
        return enterprise is null || user.EnterpriseUser?.EnterpriseId != enterprise;
    }
}
