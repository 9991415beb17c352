using RecognitionBot.Core.Digests;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;
using static RecognitionBot.Slack.SlackMarkup;

namespace RecognitionBot.Slack;

/// <summary>
/// Pure renderers for what the app posts: core posts in, Block Kit messages out, in the reader's language.
/// Every output is type-checked against Slack's own types by the contract tests.
/// </summary>
public static class SlackBlocks
{
    public static SlackMessage Render(OutboxPost post, Texts t, TimeZoneInfo zone) => post switch
    {
        CelebrationPost c => Celebration(c.Kudos, c.Milestones, t),
        KudosReceivedPost r => KudosReceived(r, t),
        ApprovalRequestPost a => Approval(a.Redemption, a.RequesterAvailable, t, zone),
        ApprovalUpdatePost u => Approval(u.Redemption, u.RequesterAvailable, t, zone),
        RedemptionNoticePost n => RedemptionNotice(n, t, zone),
        DigestPost d => Digest(d.Digest, t, Clock.FindZone(d.TimeZone)),
        RecognitionGapsPost g => Gaps(g, t),
        UndeliveredPost u => Undelivered(u, t),
        _ => throw new NotSupportedException($"No Slack rendering for {post.GetType().Name}."),
    };

    /// <summary>The public post: giver and (public) recipients as real mentions, the points, the message quoted, the values.</summary>
    public static SlackMessage Celebration(Kudos kudos, IReadOnlyList<Milestone> milestones, Texts t)
    {
        var headline = Line(m => t.Format("Celebration.Headline", m(kudos.Giver), t.List(kudos.PublicRecipients.Select(m).ToList()), t.Number(kudos.Points)));
        List<Block> blocks = [new SectionBlock(new Mrkdwn(":tada: " + headline)), Quote(kudos.Message)];
        if (kudos.Values.Count > 0) blocks.Add(new ContextBlock([new Mrkdwn(Line(t.Format("Celebration.Values", string.Join(" ", kudos.Values))))]));
        foreach (var milestone in milestones) blocks.Add(new SectionBlock(new Mrkdwn(Milestone(milestone, t))));
        return new SlackMessage(headline, blocks);
    }

    /// <summary>The recipient's DM: who, how many points, the message, the new balance.</summary>
    public static SlackMessage KudosReceived(KudosReceivedPost post, Texts t)
    {
        var kudos = post.Kudos;
        var headline = Line(m => t.Format("Dm.Received", m(kudos.Giver), t.Number(kudos.Points)));
        List<Block> blocks = [new SectionBlock(new Mrkdwn(":star2: " + headline)), Quote(kudos.Message)];
        if (kudos.Values.Count > 0) blocks.Add(new ContextBlock([new Mrkdwn(Line(t.Format("Celebration.Values", string.Join(" ", kudos.Values))))]));
        blocks.Add(new SectionBlock(new Mrkdwn(Line(t.Format("Dm.Balance", t.Number(post.Available), t.Number(post.Earned))))));
        if (kudos.Private || kudos.PrivateRecipients.Contains(post.Recipient))
            blocks.Add(new ContextBlock([new Mrkdwn(":lock: " + Line(t["Dm.PrivateNote"]))]));
        return new SlackMessage(headline, blocks);
    }

    /// <summary>
    /// The approver's card. Pending: the request with Approve / Reject. Decided: the same card without buttons,
    /// saying what was decided, by whom and when; it replaces the pending one in place for everyone.
    /// </summary>
    public static SlackMessage Approval(Redemption redemption, int requesterAvailable, Texts t, TimeZoneInfo zone)
    {
        var request = Line(m => t.Format("Approval.Text", m(redemption.Requester), redemption.RewardName, t.Number(redemption.Cost)));
        List<Block> blocks =
        [
            new HeaderBlock(new PlainText(t["Approval.Title"])),
            new SectionBlock(new Mrkdwn(request)),
        ];
        if (redemption.State == RedemptionState.Pending)
        {
            blocks.Add(new ContextBlock([new Mrkdwn(Line(m => t.Format("Approval.Available", m(redemption.Requester), t.Number(requesterAvailable))))]));
            blocks.Add(new ActionsBlock(
            [
                new ButtonElement(new PlainText(t["Approval.Approve"]), SlackActions.Approve, redemption.Id, ButtonStyle.Primary),
                new ButtonElement(new PlainText(t["Approval.Reject"]), SlackActions.Reject, redemption.Id, ButtonStyle.Danger),
            ]) { BlockId = $"approval_{redemption.Id}" });
            return new SlackMessage(request, blocks);
        }

        var state = ResultText.State(redemption.State, t);
        var decided = redemption is { DecidedBy: { } by, DecidedAt: { } at }
            ? Line(m => t.Format("Approval.Decided", Capitalised(state, t), m(by), t.When(at, zone)))
            : Line(Capitalised(state, t));
        blocks.Add(new SectionBlock(new Mrkdwn($"{StateEmoji(redemption.State)} *{decided}*")));
        if (redemption.Reason is { } reason) blocks.Add(Quote(reason));
        return new SlackMessage($"{request} {decided}", blocks);
    }

    /// <summary>What the requester is told about their redemption (requested, completed, decided).</summary>
    public static SlackMessage RedemptionNotice(RedemptionNoticePost post, Texts t, TimeZoneInfo zone)
    {
        var change = post.Redemption.State switch
        {
            RedemptionState.Pending => Core.Commands.RedemptionChange.Requested,
            RedemptionState.Completed => Core.Commands.RedemptionChange.Completed,
            RedemptionState.Approved => Core.Commands.RedemptionChange.Approved,
            RedemptionState.Rejected => Core.Commands.RedemptionChange.Rejected,
            _ => Core.Commands.RedemptionChange.Cancelled,
        };
        var text = Line(m => ResultText.Redemption(new Core.Commands.RedemptionView(post.Redemption, change, post.Available), t, m, zone));
        return new SlackMessage(text, [new SectionBlock(new Mrkdwn($"{StateEmoji(post.Redemption.State)} {text}"))]);
    }

    public static SlackMessage Digest(WeeklyDigest digest, Texts t, TimeZoneInfo zone)
    {
        var title = t.Format("Digest.Title", $"{t.Day(digest.From, zone)} – {t.Day(digest.To.AddSeconds(-1), zone)}");
        List<Block> blocks = [new HeaderBlock(new PlainText(title))];
        if (digest.IsEmpty)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(Line(t["Digest.Empty"]))));
            return new SlackMessage(title, blocks);
        }

        blocks.Add(new SectionBlock(new Mrkdwn(Line(t.Format("Digest.Summary", t.Number(digest.KudosCount), t.Number(digest.Points), t.Number(digest.PeopleRecognised))))));
        if (digest.TopRecipients.Count > 0)
        {
            var lines = digest.TopRecipients.Select(r => Line(m => t.Format("Digest.RecipientLine", m(r.Member), t.Number(r.Kudos), t.Number(r.Points))));
            blocks.Add(new SectionBlock(new Mrkdwn($"*{Line(t["Digest.TopRecipients"])}*\n" + string.Join("\n", lines))));
        }
        if (digest.TopValues.Count > 0)
        {
            var values = string.Join("  ", digest.TopValues.Select(v => $"{Line(v.Key)} ({t.Number(v.Value)})"));
            blocks.Add(new SectionBlock(new Mrkdwn($"*{Line(t["Digest.TopValues"])}*\n{values}")));
        }
        if (digest.Highlights.Count > 0)
        {
            blocks.Add(new SectionBlock(new Mrkdwn($"*{Line(t["Digest.Highlights"])}*")));
            foreach (var h in digest.Highlights)
            {
                List<RichTextElement> who = [new RichTextUser(h.Giver.Value), new RichTextText(" → ")];
                foreach (var (r, i) in h.Recipients.Select((r, i) => (r, i)))
                {
                    if (i > 0) who.Add(new RichTextText(", "));
                    who.Add(new RichTextUser(r.Value));
                }
                who.Add(new RichTextText($" (+{t.Number(h.Points)})"));
                blocks.Add(new RichTextBlock([new RichTextSection(who), new RichTextQuote(Message(h.Message))]));
            }
        }
        if (digest.FirstTimeRecipients.Count > 0)
            blocks.Add(new SectionBlock(new Mrkdwn($"*{Line(t["Digest.FirstTimers"])}* :seedling:\n{Mentions(digest.FirstTimeRecipients)}")));
        return new SlackMessage(title, blocks);
    }

    /// <summary>The private note to managers and approvers: who in a channel has gone unrecognised.</summary>
    public static SlackMessage Gaps(RecognitionGapsPost post, Texts t)
    {
        var channel = $"<#{post.ConversationId}>";
        if (post.Members.Count == 0)
        {
            var none = Line(t.Format("Gaps.None", "\u0003", post.Weeks)).Replace("\u0003", channel);
            return new SlackMessage(none, [new SectionBlock(new Mrkdwn(none))]);
        }
        var intro = Line(t.Format("Gaps.Text", "\u0003", post.Weeks)).Replace("\u0003", channel);
        List<Block> blocks =
        [
            new HeaderBlock(new PlainText(t["Gaps.Title"])),
            new SectionBlock(new Mrkdwn(intro)),
            new SectionBlock(new Mrkdwn(Mentions(post.Members))),
        ];
        if (post.More > 0) blocks.Add(new ContextBlock([new Mrkdwn(Line(t.Format("Gaps.More", t.Number(post.More))))]));
        return new SlackMessage(intro, blocks);
    }

    /// <summary>A private note that a post could not be made, and what to do about it.</summary>
    public static SlackMessage Undelivered(UndeliveredPost post, Texts t)
    {
        var text = post.Reason switch
        {
            // The channel as a real link: placed after escaping, like the gaps note's.
            UndeliveredReason.CelebrationNotPosted => Line(t.Format("Undelivered.CelebrationNotPosted", "\u0003")).Replace("\u0003", $"<#{post.ConversationId}>"),
            _ => Line(m => t.Format($"Undelivered.{post.Reason}", post.RewardName, post.Unreachable is { } who ? m(who) : "")),
        };
        return new SlackMessage(text, [new SectionBlock(new Mrkdwn(":warning: " + text))]);
    }

    private static string Milestone(Milestone milestone, Texts t) => milestone.Kind switch
    {
        MilestoneKind.FirstKudos => Line(m => t.Format("Milestone.FirstKudos", m(milestone.Member))),
        _ => Line(m => t.Format("Milestone.HundredPoints", m(milestone.Member), t.Number(milestone.Points))),
    };

    private static string Capitalised(string text, Texts t) => text.Length == 0 ? text : char.ToUpper(text[0], t.Culture) + text[1..];

    private static string StateEmoji(RedemptionState state) => state switch
    {
        RedemptionState.Approved or RedemptionState.Completed => ":white_check_mark:",
        RedemptionState.Rejected => ":no_entry_sign:",
        RedemptionState.Cancelled => ":leftwards_arrow_with_hook:",
        _ => ":hourglass_flowing_sand:",
    };
}
