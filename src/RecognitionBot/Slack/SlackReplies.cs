using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Workspaces;
using static RecognitionBot.Slack.SlackMarkup;

namespace RecognitionBot.Slack;

/// <summary>Pure renderers for the ephemeral answer to each command result.</summary>
public static class SlackReplies
{
    /// <summary>Slack refuses more than 50 blocks in a message; the catalog stops short of that.</summary>
    private const int MaxRewardBlocks = 40;

    public static SlackMessage Render(CommandResult result, Texts t, TimeZoneInfo zone) => result switch
    {
        KudosGiven given => Given(given, t, zone),
        BalanceView balance => Balance(balance, t, zone),
        LeaderboardView board => Leaderboard(board, t),
        RewardsView rewards => Rewards(rewards, t),
        HistoryView history => History(history, t, zone),
        HelpView help => Help(help, t),
        DigestPreview preview => SlackBlocks.Digest(preview.Digest, t, zone),
        AuditLogView log => AuditLog(log, t, zone),
        RedemptionView { Change: RedemptionChange.Requested } requested => Requested(requested, t, zone),
        _ => Sentence(Line(m => ResultText.Describe(result, t, m, zone)), result is NotUnderstood or Refused),
    };

    public static SlackMessage Given(KudosGiven given, Texts t, TimeZoneInfo zone)
    {
        var k = given.Kudos;
        var text = Line(m => t.Format("Given.Confirmation", t.List(k.Recipients.Select(m).ToList()), t.Number(k.Points),
            t.Number(given.Allowance.Left), t.RenewalDay(given.Allowance.ResetsAt, zone)));
        if (k.Private) text += " " + Line(t["Given.Private"]);
        return Sentence(":white_check_mark: " + text);
    }

    public static SlackMessage Balance(BalanceView view, Texts t, TimeZoneInfo zone)
    {
        var a = view.Allowance;
        var b = view.Balance;
        List<Block> blocks =
        [
            new HeaderBlock(new PlainText(t["Balance.Title"])),
            new SectionBlock(new Mrkdwn(Line(t.Format("Balance.Allowance", t.Number(a.Left), t.Number(a.Limit), t.RenewalDay(a.ResetsAt, zone))))),
            new SectionBlock(new Mrkdwn(Line(t.Format("Balance.Points", t.Number(b.Available), t.Number(b.Held), t.Number(b.Earned))))),
        ];
        var recent = view.RecentKudos.Count == 0
            ? Line(t["Balance.NoneYet"])
            : string.Join("\n", view.RecentKudos.Select(mv => Line(m => t.Format("Balance.RecentLine", t.Number(mv.Points), Who(mv, m), mv.Note ?? ""))));
        blocks.Add(new SectionBlock(new Mrkdwn($"*{Line(t["Balance.Recent"])}*\n{recent}")));
        return new SlackMessage(Line(t.Format("Balance.Points", t.Number(b.Available), t.Number(b.Held), t.Number(b.Earned))), blocks);
    }

    public static SlackMessage Leaderboard(LeaderboardView view, Texts t)
    {
        var period = t[$"Leaderboard.{view.Period}"];
        var title = t.Format("Leaderboard.Title", period);
        if (view.Entries.Count == 0)
            return new SlackMessage(title, [new HeaderBlock(new PlainText(title)), new SectionBlock(new Mrkdwn(Line(t.Format("Leaderboard.Empty", period))))]);
        var medals = new[] { ":first_place_medal: ", ":second_place_medal: ", ":third_place_medal: " };
        var lines = view.Entries.Select((e, i) =>
            (i < medals.Length ? medals[i] : "") + Line(m => t.Format("Leaderboard.Line", i + 1, m(e.Member), t.Number(e.Kudos), t.Number(e.Points))
                + (e.TopValue is { } v ? " · " + t.Format("Leaderboard.TopValue", v) : "")));
        return new SlackMessage(title, [new HeaderBlock(new PlainText(title)), new SectionBlock(new Mrkdwn(string.Join("\n", lines)))]);
    }

    /// <summary>The catalog, with a Redeem button on each reward the member can afford and that is in stock.</summary>
    public static SlackMessage Rewards(RewardsView view, Texts t)
    {
        var title = t["Rewards.Title"];
        List<Block> blocks = [new HeaderBlock(new PlainText(title)), new SectionBlock(new Mrkdwn(Line(t.Format("Rewards.Available", t.Number(view.Available)))))];
        if (view.Rewards.Count == 0)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(Line(t["Rewards.Empty"]))));
            return new SlackMessage(title, blocks);
        }
        foreach (var reward in view.Rewards.OrderBy(r => r.Cost).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).Take(MaxRewardBlocks))
        {
            var details = new List<string>
            {
                reward.Left is { } left ? left == 0 ? t["Rewards.OutOfStock"] : t.Format("Rewards.Stock", t.Number(left)) : null!,
                t[reward.NeedsApproval ? "Rewards.NeedsApproval" : "Rewards.Instant"],
            }.Where(d => d is not null);
            var affordable = reward.Cost <= view.Available;
            var inStock = reward.Left is not 0;
            if (!affordable) details = details.Append(t.Format("Rewards.CannotAfford", t.Number(reward.Cost - view.Available)));
            var text = $"*{Line(t.Format("Rewards.Line", reward.Name, t.Number(reward.Cost)))}*\n_{Line(string.Join(" · ", details))}_ `{Line(reward.Id)}`";
            var button = affordable && inStock ? new ButtonElement(new PlainText(t["Rewards.Redeem"]), SlackActions.Redeem, reward.Id, ButtonStyle.Primary) : null;
            blocks.Add(new SectionBlock(new Mrkdwn(text), Accessory: button));
        }
        return new SlackMessage(title, blocks);
    }

    public static SlackMessage History(HistoryView view, Texts t, TimeZoneInfo zone)
    {
        var title = t["History.Title"];
        if (view.Movements.Count == 0)
            return new SlackMessage(title, [new HeaderBlock(new PlainText(title)), new SectionBlock(new Mrkdwn(Line(t["History.Empty"])))]);
        var lines = view.Movements.Select(mv => $"`{t.Day(mv.At, zone)}` " + Line(m => mv.Kind switch
        {
            MovementKind.Received => t.Format("History.Received", t.Number(mv.Points), Who(mv, m)),
            MovementKind.Given => mv.Counterparty is { } to ? t.Format("History.GivenTo", t.Number(mv.Points), m(to)) : t.Format("History.Given", t.Number(mv.Points)),
            MovementKind.Held => t.Format("History.Held", t.Number(mv.Points), mv.Note ?? ""),
            MovementKind.Released => t.Format("History.Released", t.Number(mv.Points), mv.Note ?? ""),
            _ => t.Format("History.Spent", t.Number(mv.Points), mv.Note ?? ""),
        }));
        return new SlackMessage(title, [new HeaderBlock(new PlainText(title)), new SectionBlock(new Mrkdwn(string.Join("\n", lines)))]);
    }

    /// <summary>The audit log, newest first: lines packed into sections that stay under Slack's 3,000 characters each.</summary>
    public static SlackMessage AuditLog(AuditLogView view, Texts t, TimeZoneInfo zone)
    {
        var title = t.Format("Audit.Title", t.Number(view.Entries.Count));
        if (view.Entries.Count == 0)
            return new SlackMessage(title, [new HeaderBlock(new PlainText(title)), new SectionBlock(new Mrkdwn(Line(t["Audit.Empty"])))]);
        List<Block> blocks = [new HeaderBlock(new PlainText(title))];
        var section = new List<string>();
        foreach (var line in view.Entries.Select(e => $"`{t.When(e.At, zone)}` " + Line(m => AuditText.Sentence(e, t, m, s => s))))
        {
            var text = line.Length > 1000 ? line[..999] + "…" : line;
            if (section.Count > 0 && section.Sum(l => l.Length + 1) + text.Length > 2900)
            {
                blocks.Add(new SectionBlock(new Mrkdwn(string.Join("\n", section))));
                section.Clear();
            }
            section.Add(text);
        }
        blocks.Add(new SectionBlock(new Mrkdwn(string.Join("\n", section))));
        return new SlackMessage(title, blocks);
    }

    public static SlackMessage Help(HelpView help, Texts t)
    {
        var title = t["Help.Title"];
        var rules = t.Format("Help.Rules", t.Number(help.Allowance), t[$"Period.{help.Period}"], t.Number(help.DefaultPoints),
            t.Number(help.MaxPoints), t.Number(help.MaxRecipients), t.Number(help.PairDailyCap));
        return new SlackMessage(title,
        [
            new HeaderBlock(new PlainText(title)),
            new SectionBlock(new Mrkdwn(Line(t["Help.Give"]))),
            new SectionBlock(new Mrkdwn(Line(t.Format("Example.Line", t["Example.Give"])))),
            new SectionBlock(new Mrkdwn(Line(rules))),
            new SectionBlock(new Mrkdwn(Line(t.Format("Help.Values", string.Join(" ", help.Values))))),
            new ContextBlock([new Mrkdwn(Line(t["Help.Commands"])), new Mrkdwn(Line(t["Help.Admin"]))]),
        ]);
    }

    /// <summary>"Requested": the hold is on until the approver decides; the requester may still withdraw.</summary>
    public static SlackMessage Requested(RedemptionView view, Texts t, TimeZoneInfo zone)
    {
        var text = Line(m => ResultText.Redemption(view, t, m, zone));
        return new SlackMessage(text,
        [
            new SectionBlock(new Mrkdwn(":hourglass_flowing_sand: " + text)),
            new ActionsBlock([new ButtonElement(new PlainText(t["Approval.Cancel"]), SlackActions.CancelRedemption, view.Redemption.Id)]),
        ]);
    }

    /// <summary>The modal Reject opens: an optional reason, carried back with the redemption and the card to update.</summary>
    public static ModalView RejectModal(string privateMetadata, Texts t) =>
        new(new PlainText(Fit(t["Approval.Reject"], 24)),
            [
                new InputBlock(
                    new PlainText(t["Approval.ReasonLabel"]),
                    new PlainTextInputElement(SlackActions.ReasonInput, Multiline: true, MaxLength: 500, Placeholder: new PlainText(Fit(t["Approval.ReasonPlaceholder"], 150))),
                    Optional: true) { BlockId = SlackActions.ReasonBlock },
            ],
            Submit: new PlainText(Fit(t["Approval.Reject"], 24)))
        {
            CallbackId = SlackActions.RejectModal,
            PrivateMetadata = privateMetadata,
        };

    public static SlackMessage Sentence(string mrkdwn, bool warning = false) =>
        new(mrkdwn, [new SectionBlock(new Mrkdwn((warning ? ":warning: " : "") + mrkdwn))]);

    private static string Who(Movement movement, Func<MemberId, string> mention) =>
        movement.Counterparty is { } who ? mention(who) : "";

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
