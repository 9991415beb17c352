using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams.Cards;

/// <summary>
/// Pure renderers from core results and outbox posts to Adaptive Cards (schema 1.5). Sentences come from the
/// resource files; words from users go through <see cref="CardText"/>; people are mentioned through the context.
/// </summary>
public static partial class TeamsCards
{
    /// <summary>The reply to a command typed in a conversation.</summary>
    public static AdaptiveCard ForResult(CommandResult result, CardContext c) => result switch
    {
        KudosGiven given => Given(given, c),
        BalanceView balance => Balance(balance, c),
        LeaderboardView board => Leaderboard(board, c),
        RewardsView rewards => Rewards(rewards, c),
        HistoryView history => History(history, c),
        HelpView help => Help(help, c),
        RedemptionView redemption => RedemptionResult(redemption, c),
        DigestPreview preview => Digest(preview.Digest, c),
        AuditLogView log => AuditLog(log, c),
        _ => Text(Describe(result, c), c, IsRefusal(result)),
    };

    /// <summary>A post the outbox asks for.</summary>
    public static AdaptiveCard ForPost(OutboxPost post, CardContext c) => post switch
    {
        CelebrationPost celebration => Celebration(celebration, c),
        KudosReceivedPost received => KudosReceived(received, c),
        ApprovalRequestPost request => Approval(request.Redemption, request.RequesterAvailable, c),
        ApprovalUpdatePost update => Approval(update.Redemption, update.RequesterAvailable, c),
        RedemptionNoticePost notice => RedemptionNotice(notice, c),
        DigestPost digest => Digest(digest.Digest, c),
        RecognitionGapsPost gaps => Gaps(gaps, c),
        UndeliveredPost undelivered => Undelivered(undelivered, c),
        _ => throw new NotSupportedException($"No Teams card for {post.GetType().Name}"),
    };

    /// <summary>Everyone a result or post may mention, so their names can be loaded before rendering.</summary>
    public static IEnumerable<MemberId> PeopleIn(object item) => item switch
    {
        KudosGiven g => PeopleIn(g.Kudos),
        Kudos k => [k.Giver, .. k.Recipients],
        BalanceView b => b.RecentKudos.Select(m => m.Counterparty).OfType<MemberId>(),
        LeaderboardView l => l.Entries.Select(e => e.Member),
        HistoryView h => h.Movements.Select(m => m.Counterparty).OfType<MemberId>(),
        RedemptionView r => PeopleIn(r.Redemption),
        Core.Rewards.Redemption r => [r.Requester, .. r.Approvers, .. r.DecidedBy is { } d ? [d] : Array.Empty<MemberId>()],
        Refused { Reason: Refusal.UnknownMember or Refusal.BotRecipient or Refusal.OutsiderRecipient or Refusal.DuplicateRecipient, Detail: { } id } => [new MemberId(id)],
        AdminDone a => a.Command switch
        {
            ChangeApproverCommand p => [p.Member],
            SetManagerCommand m => [m.Agent, m.Manager],
            SetRoleCommand r => [r.Member],
            _ => [],
        },
        DigestPreview p => PeopleIn(p.Digest),
        AuditLogView l => l.Entries.SelectMany(AuditText.People),
        Refused { Reason: Refusal.ManagerCycle or Refusal.SelfMappedApprover, Detail: { } ids } => ids.Split('|').Select(id => new MemberId(id)),
        Core.Digests.WeeklyDigest d => d.TopRecipients.Select(r => r.Member).Concat(d.FirstTimeRecipients)
            .Concat(d.Highlights.SelectMany(h => h.Recipients.Append(h.Giver))),
        CelebrationPost p => PeopleIn(p.Kudos).Concat(p.Milestones.Select(m => m.Member)),
        KudosReceivedPost p => PeopleIn(p.Kudos),
        ApprovalRequestPost p => PeopleIn(p.Redemption),
        ApprovalUpdatePost p => PeopleIn(p.Redemption),
        RedemptionNoticePost p => PeopleIn(p.Redemption),
        DigestPost p => PeopleIn(p.Digest),
        RecognitionGapsPost p => p.Members,
        UndeliveredPost { Unreachable: { } who } => [who],
        _ => [],
    };

    /// <summary>A one-message answer: refusals, confirmations, settings. Each line is its own block so line breaks survive.</summary>
    public static AdaptiveCard Text(string text, CardContext c, bool attention = false)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return c.Card([.. lines.Select((line, i) => new TextBlock(CardText.Commands(line)) { Color = attention && i == 0 ? TextColor.Attention : null })]);
    }

    public static AdaptiveCard Welcome(CardContext c, bool personal) => c.Card(
    [
        new TextBlock(c.T["Welcome.Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        new TextBlock(CardText.Catalogue(c.Core["Welcome.Text"])),
        .. personal ? Array.Empty<CardElement>() : [new TextBlock(c.T["Welcome.Team"]) { IsSubtle = true }],
    ]);

    /// <summary>The core's one-line answer, with every word a user typed escaped before it goes into the sentence.</summary>
    public static string Describe(CommandResult result, CardContext c) =>
        ResultText.Describe(Escaped(result), c.Core, c.Mention, c.Zone);

    private static bool IsRefusal(CommandResult result) => result is Refused or NotUnderstood;

    private static CommandResult Escaped(CommandResult result) => result switch
    {
        NotUnderstood n => n with { Detail = Md(n.Detail) },
        Refused { Reason: Refusal.UnknownMember or Refusal.BotRecipient or Refusal.OutsiderRecipient or Refusal.DuplicateRecipient } r => r,
        Refused r => r with { Detail = Md(r.Detail) },
        RedemptionView v => v with { Redemption = Escaped(v.Redemption) },
        AdminDone a => a with
        {
            Detail = Md(a.Detail),
            Command = a.Command is AddRewardCommand add ? add with { Name = CardText.Markdown(add.Name) } : a.Command,
        },
        _ => result,
    };

    internal static Core.Rewards.Redemption Escaped(Core.Rewards.Redemption r) =>
        r with { RewardName = CardText.Markdown(r.RewardName), Reason = Md(r.Reason) };

    private static string? Md(string? text) => text is null ? null : CardText.Markdown(text);

    private static TextBlock Title(string text) => new(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder };

    /// <summary>A user's message: a text run, which Adaptive Cards never read as markdown or mentions.</summary>
    private static RichTextBlock Quote(string message) => new([new TextRun(CardText.Plain(message)) { Italic = true }]);
}
