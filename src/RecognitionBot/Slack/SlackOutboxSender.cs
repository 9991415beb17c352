using System.Collections.Concurrent;
using RecognitionBot.Core.Conversations;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Core.Caching;

namespace RecognitionBot.Slack;

/// <summary>
/// Makes the core's posts in Slack: renders each as blocks in its reader's language, posts it to the channel or
/// the member's DM (opened once and remembered), or updates an earlier message in place. Throttling and Slack-side
/// failures become retryable failures for the dispatcher (honouring Retry-After); a post whose target is gone
/// for good is reported as permanent, so it is parked instead of retried forever.
/// </summary>
public sealed class SlackOutboxSender(
    SlackApiClient api,
    SlackInstallations installations,
    ConversationDirectory conversations,
    WorkspaceStore workspaces,
    ILogger<SlackOutboxSender> log) : IOutboxSender
{
    private static readonly HashSet<string> Permanent =
    [
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "user_disabled", "account_inactive",
        "invalid_auth", "not_authed", "token_revoked", "missing_scope", "cant_update_message", "message_not_found",
        "edit_window_closed", "msg_too_long", "invalid_blocks", "no_text", "restricted_action", "cannot_dm_bot",
    ];

    private readonly BoundedCache<(string Team, string Member), string> _dms = new(50_000, TimeSpan.FromDays(1));

    public Platform Platform => Platform.Slack;

    public async Task<PostReceipt?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var team = item.Workspace.Id;
        var bot = await installations.BotForAsync(team, null, cancellationToken)
            ?? throw new PostFailedException($"Slack workspace {team} is not installed.", permanent: true);
        var settings = await workspaces.GetAsync(item.Workspace, cancellationToken);
        var message = SlackBlocks.Render(item.Post, Texts.For(item.Post.Locale, settings.DefaultLocale), settings.Zone);
        try
        {
            switch (item.Target)
            {
                case ToExistingMessage existing:
                    await api.UpdateMessageAsync(bot.Token, existing.Message.ConversationId, existing.Message.MessageId, message, cancellationToken);
                    return new PostReceipt(existing.Message.ConversationId, existing.Message.MessageId);
                case ToConversation conversation:
                    var posted = await api.PostMessageAsync(bot.Token, conversation.ConversationId, message, ct: cancellationToken);
                    return new PostReceipt(posted.Channel, posted.Ts);
                case ToMember member:
                    var dm = await DirectMessageChannelAsync(item.Workspace, bot, member.Member, cancellationToken);
                    var sent = await api.PostMessageAsync(bot.Token, dm, message, ct: cancellationToken);
                    return new PostReceipt(sent.Channel, sent.Ts);
                default:
                    throw new PostFailedException($"Unknown target {item.Target.GetType().Name}.", permanent: true);
            }
        }
        catch (SlackApiException e)
        {
            var permanent = !e.IsTransient && Permanent.Contains(e.Error);
            if (permanent) log.LogWarning("Slack refused post {Key} in {Workspace} for good: {Error}", item.Key, item.Workspace, e.Error);
            throw new PostFailedException($"Slack {e.Method}: {e.Error}", e.RetryAfter, permanent, e);
        }
    }

    private async Task<string> DirectMessageChannelAsync(WorkspaceId workspace, SlackBot bot, MemberId member, CancellationToken ct)
    {
        if (_dms.TryGetValue((workspace.Id, member.Value), out var known)) return known;
        var key = $"slack-dm|{member.Value}";
        var channel = await conversations.FindAsync(workspace, key, ct);
        if (channel is null)
        {
            channel = await api.OpenConversationAsync(bot.Token, [member.Value], ct);
            await conversations.SaveAsync(workspace, key, channel, ct);
        }
        _dms[(workspace.Id, member.Value)] = channel;
        return channel;
    }
}
