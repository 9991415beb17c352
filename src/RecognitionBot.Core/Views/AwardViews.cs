using RecognitionBot.Core.Awards;
using RecognitionBot.Core.Text;

namespace RecognitionBot.Core.Views;

/// <summary>
/// Awards as people see them: the nominator's private confirmation, the approvers' card (each nominee with their
/// nominations, reasons and nominators, kudos received, values, team, and "Choose as winner" with an optional reward),
/// the card once decided, the celebration in the channel and the winner's own note.
/// </summary>
public static class AwardViews
{
    /// <summary>"November 2026" in the reader's language, or "2026" for a year.</summary>
    public static string PeriodName(string period, Texts t) =>
        period.Length == 4 ? period : AwardPeriods.Named(period).ToString("MMMM yyyy", t.Culture);

    public static View Nominated(NominationMade made, ViewText v)
    {
        var line = v.Line(LineStyle.Normal, LineMark.Success, "Award.Nominated", v.Person(made.Nominee, notify: false), PeriodName(made.Month, v.T));
        return new View([line, v.Line(LineStyle.Subtle, LineMark.Private, "Award.NominatedPrivate")]) { Summary = line, Tone = ViewTone.Success };
    }

    private static string Title(Award a, ViewText v) =>
        v.T.Format(a.Kind == AwardKind.Month ? "Award.MonthTitle" : "Award.YearTitle", PeriodName(a.Period, v.T));

    /// <summary>The approvers' card; <paramref name="notice"/> says why a click on it changed nothing.</summary>
    public static View Card(Award a, ViewText v, IReadOnlyList<ViewLine>? notice = null)
    {
        var body = new List<ViewBlock>();
        if (notice is not null) body.AddRange(notice.Select(l => l with { Style = LineStyle.Strong, Mark = LineMark.Warning }));
        var title = Title(a, v);
        if (a is { Winner: { } winner, DecidedBy: { } by, DecidedAt: { } at })
        {
            var chosen = v.Line(LineStyle.Strong, LineMark.Success, a.Kind == AwardKind.Month ? "Award.Chosen" : "Award.YearChosen",
                v.Person(winner), PeriodName(a.Period, v.T), v.Person(by, notify: false), v.When(at));
            body.Add(chosen);
            if (a.RewardName is { } reward) body.Add(v.Line("Award.RewardGranted", ViewText.Typed(reward)));
            body.Add(new ViewLine(
                [.. v.Compose("Award.Nominees"), new TextSpan(" "),
                    .. ViewText.Joined(a.Candidates.Select(c => (Span)v.Person(c.Member, notify: false)), ", ")],
                LineStyle.Subtle));
            return new View(body) { Title = title, Summary = chosen, Tone = ViewTone.Success };
        }

        var intro = a.Kind == AwardKind.Month
            ? v.Line("Award.Intro", v.Points(a.Candidates.Count))
            : v.Line("Award.YearIntro", v.Points(a.Candidates.Count), PeriodName(a.Period, v.T));
        body.Add(intro);
        body.Add(v.Line(LineStyle.Subtle, LineMark.Private, "Award.OnlyApprovers"));
        var choice = a.Rewards.Count == 0 ? null : new ChoiceInput(v["Award.RewardLabel"],
            [new ChoiceOption(ViewVerbs.NoReward, v["Award.NoReward"]), .. a.Rewards.Select(r => new ChoiceOption(r.RewardId, r.Name))], v["Award.Confirm"]);
        foreach (var c in a.Candidates) body.Add(Candidate(a, c, choice, v));
        return new View(body) { Title = title, Summary = ViewLine.Text(title) };
    }

    private static ViewItem Candidate(Award a, AwardCandidate c, ChoiceInput? choice, ViewText v)
    {
        var lines = new List<ViewLine>
        {
            a.Kind == AwardKind.Month
                ? v.Line(LineStyle.Strong, LineMark.None, "Award.Candidate", v.Person(c.Member, notify: false), v.Points(c.Nominations))
                : v.Line(LineStyle.Strong, LineMark.None, "Award.YearCandidate", v.Person(c.Member, notify: false),
                    string.Join(", ", c.MonthsWon.Select(m => PeriodName(m, v.T)))),
        };
        var facts = new List<Span>(v.Compose("Award.Received", v.Points(c.Kudos), v.Points(c.Points)));
        if (c.Values.Count > 0) facts = [.. facts, new TextSpan(" · "), ViewText.Typed(string.Join(" ", c.Values))];
        if (c.Manager is { } manager) facts = [.. facts, new TextSpan(" · "), .. v.Compose("Award.Team", v.Person(manager, notify: false))];
        lines.Add(new ViewLine(facts, LineStyle.Subtle));
        lines.AddRange(c.Reasons.Select(r =>
            v.Line(LineStyle.Normal, LineMark.None, "Award.Reason", ViewText.Typed(r.Text), v.Person(r.Nominator, notify: false))));
        if (a.Kind == AwardKind.Month && c.Nominations > c.Reasons.Count)
            lines.Add(v.Line(LineStyle.Subtle, LineMark.None, "Award.MoreReasons", v.Points(c.Nominations - c.Reasons.Count)));
        var action = new ViewAction(ViewVerbs.Award, v["Award.Choose"], ViewVerbs.AwardSubject(a.Period, c.Member), ActionStyle.Primary) { Choice = choice };
        return new ViewItem(lines, action);
    }

    /// <summary>Why a click on a decided card changed nothing: who won.</summary>
    public static ViewLine AlreadyChosen(Award a, ViewText v) =>
        a.Winner is { } winner ? v.Line("Award.AlreadyChosen", v.Person(winner, notify: false)) : ViewLine.Text("");

    /// <summary>The public celebration: the winner and the period, nothing of the nominations (they are private).</summary>
    public static View Celebration(Award a, ViewText v)
    {
        var headline = v.Line(LineStyle.Strong, LineMark.Celebration, a.Kind == AwardKind.Month ? "Award.Celebration" : "Award.YearCelebration",
            v.Person(a.Winner!.Value), PeriodName(a.Period, v.T));
        return new View([headline, v.Line("Award.CelebrationThanks")]) { Title = Title(a, v), Summary = headline, Tone = ViewTone.Celebration };
    }

    /// <summary>The winner's note: chosen, by whom, and the reward granted at no cost.</summary>
    public static View Won(Award a, ViewText v)
    {
        var headline = v.Line(LineStyle.Strong, LineMark.Celebration, a.Kind == AwardKind.Month ? "Award.Won" : "Award.YearWon",
            PeriodName(a.Period, v.T), v.Person(a.DecidedBy!.Value, notify: false));
        List<ViewBlock> body = [headline];
        if (a.RewardName is { } reward) body.Add(v.Line(LineStyle.Normal, LineMark.Star, "Award.WonReward", ViewText.Typed(reward)));
        return new View(body) { Title = Title(a, v), Summary = headline, Tone = ViewTone.Celebration };
    }
}
