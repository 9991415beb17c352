using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Core.Caching;

namespace RecognitionBot.Slack;

/// <summary>
/// Slack's people, from users.info (with locale): bots, Slackbot and deactivated accounts are never members;
/// workspace admins and owners, plus the configured admin ids, are the bot's admins. Answers are kept for a few
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

        var bot = await installations.BotForAsync(workspace.Id, null, cancellationToken)
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

        // A user of another workspace (Slack Connect) is not a member of this one.
        var profile = user is null || (user.TeamId is { } team && team != workspace.Id && !SharedOrg(user))
            ? null
            : new MemberProfile(
                member,
                user.DisplayName,
                IsBot: !user.IsPerson && !user.Deleted,
                IsDeactivated: user.Deleted,
                IsPlatformAdmin: user.IsAdmin || user.IsOwner || user.IsPrimaryOwner || options.Value.AdminUserIds.Contains(member.Value),
                Locale: user.Locale);
        _cache[key] = (profile, now + CacheFor);
        return profile;
    }

    // On Enterprise Grid users.info reports the user's home team; the org's other teams still share them.
    private static bool SharedOrg(SlackUser user) => user.EnterpriseUser is not null;
}
