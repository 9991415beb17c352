using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Core.Views;

/// <summary>Every command result as one view: the single place that decides what an answer says, for every surface.</summary>
public static class ResultViews
{
    public static View For(CommandResult result, ViewText v) => result switch
    {
        KudosGiven given => KudosViews.Given(given, v),
        AddOnGiven added => KudosViews.AddedOn(added, v),
        KudosUndone undone => KudosViews.Undone(undone, v),
        BalanceView balance => Balance(balance, v),
        LeaderboardView board => Leaderboard(board, v),
        RewardsView rewards => Rewards(rewards, v),
        HistoryView history => History(history, v),
        HelpView help => Help(help, v),
        DigestPreview preview => PostViews.Digest(preview.Digest, v),
        AuditLogView log => AuditLog(log, v),
        RedemptionView redemption => RedemptionViews.Result(redemption, v),
        HomeView home => HomeViews.For(home, v),
        Integrations.IntegrationCreated created => CustomerViews.Created(created, v),
        Integrations.IntegrationsView list => CustomerViews.List(list, v),
        Integrations.BudgetView budget => new View([CustomerViews.Budget(budget, v)]),
        Kudos.Channel.ChannelBoardView board => ChannelViews.Board(board, v),
        Awards.NominationMade nominated => AwardViews.Nominated(nominated, v),
        Awards.AwardView award => AwardViews.Card(award.Award, v, award.Changed ? null : [AwardViews.AlreadyChosen(award.Award, v)]),
        Kudos.Give.ComposerRefused refused =>
            new View([.. refused.Errors.SelectMany(e => ResultText.Refusal(e.Reason, v).Take(1))]) { Tone = ViewTone.Problem },
        NotUnderstood or Refused => new View([.. ResultText.Describe(result, v)]) { Tone = ViewTone.Problem },
        _ => new View([.. ResultText.Describe(result, v)]),
    };

    public static View Balance(BalanceView view, ViewText v)
    {
        var a = view.Allowance;
        var b = view.Balance;
        var points = v.Line("Balance.Points", v.Points(b.Available), v.Points(b.Held), v.Points(b.Earned));
        List<ViewBlock> body =
        [
            v.Line("Balance.Allowance", v.Points(a.Left), v.Points(a.Limit), v.RenewalDay(a.ResetsAt)),
            points,
            v.Line(LineStyle.Heading, LineMark.None, "Balance.Recent"),
        ];
        if (view.RecentKudos.Count == 0) body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Balance.NoneYet"));
        body.AddRange(view.RecentKudos.Select(m =>
            v.Line(LineStyle.ListItem, LineMark.None, "Balance.RecentLine", v.Points(m.Points), v.Counterparty(m.Counterparty), ViewText.Typed(m.Note))));
        return new View(body) { Title = v["Balance.Title"], Summary = points };
    }

    public static View Leaderboard(LeaderboardView view, ViewText v)
    {
        var period = v[$"Leaderboard.{view.Period}"];
        var title = v.T.Format("Leaderboard.Title", period);
        if (view.Entries.Count == 0) return new View([v.Line("Leaderboard.Empty", period)]) { Title = title };
        LineMark[] podium = [LineMark.FirstPlace, LineMark.SecondPlace, LineMark.ThirdPlace];
        var lines = view.Entries.Select((e, i) =>
        {
            var line = v.Compose("Leaderboard.Line", i + 1, v.Person(e.Member), v.Points(e.Kudos), v.Points(e.Points));
            if (e.TopValue is { } value) line = [.. line, new TextSpan(" · "), .. v.Compose("Leaderboard.TopValue", ViewText.Typed(value))];
            return (ViewBlock)new ViewLine(line, LineStyle.ListItem, i < podium.Length ? podium[i] : LineMark.None);
        });
        return new View([.. lines]) { Title = title, Summary = ViewLine.Text(title) };
    }

    /// <summary>The catalog, cheapest first, with Redeem on each reward the reader can afford and that is in stock.</summary>
    public static View Rewards(RewardsView view, ViewText v)
    {
        List<ViewBlock> body = [v.Line("Rewards.Available", v.Points(view.Available))];
        if (view.Rewards.Count == 0) body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Rewards.Empty"));
        foreach (var reward in view.Rewards.OrderBy(r => r.Cost).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var details = new List<string> { v[reward.NeedsApproval ? "Rewards.NeedsApproval" : "Rewards.Instant"] };
            if (reward.Left is { } left) details.Add(left > 0 ? v.T.Format("Rewards.Stock", v.T.Number(left)) : v["Rewards.OutOfStock"]);
            var affordable = reward.Cost <= view.Available;
            if (!affordable) details.Add(v.T.Format("Rewards.CannotAfford", v.T.Number(reward.Cost - view.Available)));
            ViewLine[] lines =
            [
                v.Line(LineStyle.Strong, LineMark.None, "Rewards.Line", ViewText.Typed(reward.Name), v.Points(reward.Cost)),
                new([new TextSpan(string.Join(" · ", details) + " "), new CodeSpan(reward.Id)], LineStyle.Subtle),
            ];
            var action = affordable && reward.Left is not 0 ? new ViewAction(ViewVerbs.Redeem, v["Rewards.Redeem"], reward.Id, ActionStyle.Primary) : null;
            body.Add(new ViewItem(lines, action));
        }
        return new View(body) { Title = v["Rewards.Title"], Summary = ViewLine.Text(v["Rewards.Title"]) };
    }

    public static View History(HistoryView view, ViewText v)
    {
        var title = v["History.Title"];
        if (view.Movements.Count == 0) return new View([v.Line("History.Empty")]) { Title = title };
        var lines = view.Movements.Select(m =>
        {
            var points = v.Points(m.Points);
            var note = ViewText.Typed(m.Note);
            var spans = m.Kind switch
            {
                MovementKind.Received => v.Compose("History.Received", points, v.Counterparty(m.Counterparty)),
                MovementKind.Given => m.Counterparty is { } to ? v.Compose("History.GivenTo", points, v.Person(to)) : v.Compose("History.Given", points),
                MovementKind.Held => v.Compose("History.Held", points, note),
                MovementKind.Released => v.Compose("History.Released", points, note),
                MovementKind.Withdrawn => v.Compose("History.Withdrawn", points, v.Counterparty(m.Counterparty)),
                MovementKind.Refunded => v.Compose("History.Refunded", points),
                MovementKind.Customer => v.Compose("History.Customer", points),
                _ => v.Compose("History.Spent", points, note),
            };
            return (ViewBlock)new ViewLine(spans, LineStyle.ListItem) { Stamp = v.Day(m.At) };
        });
        return new View([.. lines]) { Title = title, Summary = ViewLine.Text(title) };
    }

    /// <summary>The audit log, newest first, one line per row.</summary>
    public static View AuditLog(AuditLogView view, ViewText v)
    {
        var title = v.T.Format("Audit.Title", v.T.Number(view.Entries.Count));
        if (view.Entries.Count == 0) return new View([v.Line("Audit.Empty")]) { Title = title };
        var lines = view.Entries.Select(e => (ViewBlock)new ViewLine(AuditText.Sentence(e, v), LineStyle.ListItem) { Stamp = v.When(e.At) });
        return new View([.. lines]) { Title = title, Summary = ViewLine.Text(title) };
    }

    public static View Help(HelpView help, ViewText v) => new(
    [
        v.Line("Help.Give"),
        v.Line("Example.Line", v["Example.Give"]),
        v.Line("Help.Rules", v.Points(help.Allowance), v[$"Period.{help.Period}"], v.Points(help.DefaultPoints),
            v.Points(help.MaxPoints), v.Points(help.MaxRecipients), v.Points(help.PairDailyCap)),
        v.Line("Help.Values", ViewText.Typed(string.Join(" ", help.Values))),
        v.Line(LineStyle.Subtle, LineMark.None, "Help.Commands"),
        v.Line(LineStyle.Subtle, LineMark.None, "Help.Admin"),
    ])
    {
        Title = v["Help.Title"],
        Summary = ViewLine.Text(v["Help.Title"]),
    };
}
