using Microsoft.Extensions.Options;
using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Conversations;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Slack;

/// <summary>
/// Makes the core's posts in Slack: renders each as blocks in its reader's language, posts it to the channel or
/// the member's DM (opened once and remembered), or updates an earlier message in place. Throttling and Slack-side
/// failures become retryable failures for the dispatcher at the first answer (it reschedules the post honouring
/// Retry-After, never waiting inline); a post whose target is gone for good is reported as permanent, so it is
/// parked and someone told instead of retried forever. Posts are paced within Slack's per-channel and per-method limits.
/// </summary>
public sealed class SlackOutboxSender(
    SlackApiClient api,
    SlackInstallations installations,
    ConversationDirectory conversations,
    IOptions<SlackOptions> options,
    ILogger<SlackOutboxSender> log) : IOutboxSender, IDisposable
{
    // Slack's limits (api.slack.com/apis/rate-limits): chat.postMessage about one message a second per channel, with
    // short bursts; chat.update is tier 3 (50+ a minute) per workspace. A DM is its member's channel.
    private readonly Jobs.OutboxPace _pace = new(item => item.Target switch
    {
        ToExistingMessage => new($"update|{item.Workspace.Id}", Burst: 10, PerSecond: options.Value.UpdatesPerMinute / 60.0),
        ToConversation c => new($"post|{item.Workspace.Id}|{c.ConversationId}", Burst: Math.Max(3, options.Value.PostsPerSecond),
            PerSecond: options.Value.PostsPerSecond),
        ToMember m => new($"post|{item.Workspace.Id}|@{m.Member.Value}", Burst: Math.Max(3, options.Value.PostsPerSecond),
            PerSecond: options.Value.PostsPerSecond),
        _ => new($"other|{item.Workspace.Id}", Burst: 1, PerSecond: 1),
    });

    private static readonly HashSet<string> Permanent =
    [
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "user_disabled", "account_inactive",
        "invalid_auth", "not_authed", "token_revoked", "missing_scope", "cant_update_message", "message_not_found",
        "edit_window_closed", "msg_too_long", "invalid_blocks", "no_text", "restricted_action", "cannot_dm_bot",
    ];

    private readonly BoundedCache<(string Team, string Member), string> _dms = new(50_000, TimeSpan.FromDays(1));

    public Platform Platform => Platform.Slack;

    public ValueTask<bool> PaceAsync(OutboxItem item, CancellationToken cancellationToken) => _pace.AcquireAsync(item, cancellationToken);

    public void Dispose() => _pace.Dispose();

    public async Task<PostReceipt?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var team = item.Workspace.Id;
        var bot = await installations.BotForAsync(item.Workspace, cancellationToken)
            ?? throw new PostFailedException($"Slack workspace {team} is not installed.", permanent: true);
        var reader = item.ReaderOrDefault;
        var message = SlackViews.Render(item.Post, reader.Texts, reader.Zone);
        try
        {
            switch (item.Target)
            {
                case ToExistingMessage existing:
                    await api.UpdateMessageAsync(
                        bot.Token, existing.Message.ConversationId, existing.Message.MessageId, message, cancellationToken, once: true);
                    return new PostReceipt(existing.Message.ConversationId, existing.Message.MessageId);
                case ToConversation conversation:
                    var posted = await api.PostMessageAsync(bot.Token, conversation.ConversationId, message, ct: cancellationToken, once: true);
                    return new PostReceipt(posted.Channel, posted.Ts);
                case ToMember member:
                    var dm = await DirectMessageChannelAsync(item.Workspace, bot, member.Member, cancellationToken);
                    var sent = await api.PostMessageAsync(bot.Token, dm, message, ct: cancellationToken, once: true);
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
            channel = await api.OpenConversationAsync(bot.Token, [member.Value], ct, once: true);
            await conversations.SaveAsync(workspace, key, channel, ct);
        }
        _dms[(workspace.Id, member.Value)] = channel;
        return channel;
    }
}
