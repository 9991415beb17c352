using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Text;

/// <summary>
/// Short answers that read the same on every platform: refusals with an example of the right form, admin
/// confirmations, settings and digest changes, redemption outcomes. One line per sentence, as typed spans.
/// </summary>
public static class ResultText
{
    public static IReadOnlyList<ViewLine> Describe(CommandResult result, ViewText v) => result switch
    {
        NotUnderstood n => WithExample(v, v.Compose($"Parse.{n.Error}", ViewText.Typed(n.Detail)), ExampleFor(n.Error)),
        Refused r => Refusal(r, v),
        AdminDone a => [new ViewLine(Admin(a, v))],
        SettingsView s => Settings(s, v),
        DigestSubscriptionView d => [d.Subscribed
            ? v.Line("Digest.On", v.T.Weekday(d.Day), d.Time.ToString("HH:mm", v.T.Culture), ViewText.Typed(d.TimeZone))
            : v.Line("Digest.Off")],
        RedemptionView r => [new ViewLine(Redemption(r, v), Mark: RedemptionViews.Mark(r.Redemption.State))],
        OutboxView o => Outbox(o, v),
        _ => [v.Line("Generic.TryHelp")],
    };

    public static IReadOnlyList<ViewLine> Refusal(Refused r, ViewText v)
    {
        var detail = r.Detail ?? "";
        object?[] args = r.Reason switch
        {
            // An outsider refused as a recipient is named, not mentioned: a mention would notify them of the refusal.
            Commands.Refusal.OutsiderRecipient or Commands.Refusal.UndoPointsSpent => [v.Person(new MemberId(detail), notify: false)],
            // Nor is a leaver: they are gone, a mention would only reach an account that no longer reads.
            Commands.Refusal.LeaverRecipient or Commands.Refusal.Leaver => [v.Person(new MemberId(detail), notify: false)],
            // Nominations are private: the nominee is named, never notified.
            Commands.Refusal.AlreadyNominated or Commands.Refusal.NotNominee => [v.Person(new MemberId(detail), notify: false)],
            Commands.Refusal.UnknownMember or Commands.Refusal.BotRecipient or Commands.Refusal.DuplicateRecipient => [v.Person(new MemberId(detail))],
            Commands.Refusal.ManagerCycle or Commands.Refusal.SelfMappedApprover => [.. detail.Split('|').Select(a => v.Person(new MemberId(a)))],
            Commands.Refusal.PairCapReached when detail.Split('|') is [var to, var left] => [v.Person(new MemberId(to), notify: false), ViewText.Typed(left)],
            _ => [.. detail.Split('|').Select(a => (object)ViewText.Typed(a))],
        };
        // Nothing left today for that person: say so, not "at most 0 more points".
        var none = r.Reason == Commands.Refusal.PairCapReached && detail.EndsWith("|0", StringComparison.Ordinal);
        var key = none ? "Refusal.PairCapReachedToday" : $"Refusal.{r.Reason}";
        var text = v.Compose(key, args);
        return r.Reason switch
        {
            Commands.Refusal.AllowanceExceeded or Commands.Refusal.PointsOutOfRange or Commands.Refusal.MessageTooShort
                or Commands.Refusal.TooManyRecipients or Commands.Refusal.SelfKudos => WithExample(v, text, "Example.Give"),
            Commands.Refusal.UnknownReward or Commands.Refusal.AmbiguousReward => WithExample(v, text, "Example.Redeem"),
            Commands.Refusal.SelfNomination or Commands.Refusal.NominationReason => WithExample(v, text, "Example.Nominate"),
            _ => WithExample(v, text, null),
        };
    }

    /// <summary>What happened to a redemption, for the requester: requested, completed, decided, withdrawn, or as it stands.</summary>
    public static IReadOnlyList<Span> Redemption(RedemptionView view, ViewText v)
    {
        var r = view.Redemption;
        var reward = ViewText.Typed(r.RewardName);
        var cost = v.Points(r.Cost);
        return view.Change switch
        {
            RedemptionChange.Requested => v.Compose("Redemption.Requested", reward, cost,
                r.Approvers.Count == 1 ? v.Person(r.Approvers[0]) : v["Redemption.Approvers"]),
            RedemptionChange.Completed => v.Compose("Redemption.Completed", reward, cost),
            RedemptionChange.Approved => v.Compose("Redemption.Approved", reward, Decider(r, v), cost),
            RedemptionChange.Rejected => r.Reason is { } reason
                ? ViewText.Then(v.Compose("Redemption.Rejected", reward, Decider(r, v), cost), v.Compose("Redemption.RejectedReason", ViewText.Typed(reason)))
                : v.Compose("Redemption.Rejected", reward, Decider(r, v), cost),
            RedemptionChange.Cancelled => v.Compose("Redemption.Cancelled", reward, cost),
            _ => RedemptionViews.Decided(r, v) is { } decided
                ? ViewText.Then(v.Compose("Redemption.Unchanged", State(r.State, v.T)), decided)
                : v.Compose("Redemption.Unchanged", State(r.State, v.T)),
        };
    }

    public static string State(RedemptionState state, Texts t) => t[$"State.{state}"];

    private static Span Decider(Redemption r, ViewText v) => r.DecidedBy is { } by ? v.Person(by) : new UnknownPersonSpan(v["Person.Unknown"]);

    private static IReadOnlyList<Span> Admin(AdminDone a, ViewText v) => a.Command switch
    {
        AddRewardCommand add => v.Compose("Admin.AddReward", ViewText.Typed(add.Name), ViewText.Typed(a.Detail)),
        RemoveRewardCommand => v.Compose("Admin.RemoveReward", ViewText.Typed(a.Detail)),
        EditRewardCommand => v.Compose("Admin.EditReward", ViewText.Typed(a.Detail)),
        RestockRewardCommand r => v.Compose("Admin.RestockReward", ViewText.Typed(a.Detail), v.Points(r.Quantity)),
        SetAllowanceCommand s => v.Compose("Admin.SetAllowance", v.Points(s.Points), v[$"Period.{s.Period ?? AllowancePeriod.Monthly}"]),
        ChangeValuesCommand c => v.Compose(c.Add ? "Admin.AddValue" : "Admin.RemoveValue", ViewText.Typed(a.Detail)),
        ChangeApproverCommand p => v.Compose(p.Add ? "Admin.AddApprover" : "Admin.RemoveApprover", v.Person(p.Member)),
        ChangeAdminCommand c => v.Compose(c.Add ? "Admin.AddAdmin" : "Admin.RemoveAdmin", v.Person(c.Member)),
        SetManagerCommand m => v.Compose("Admin.SetManager", v.Person(m.Agent), v.Person(m.Manager)),
        SetRoleCommand r => v.Compose(r.Manager ? "Admin.RoleManager" : "Admin.RoleMember", v.Person(r.Member)),
        SetTimeZoneCommand z => v.Compose("Admin.SetTimeZone", ViewText.Typed(z.TimeZone)),
        SetLanguageCommand l => v.Compose("Admin.SetLanguage", v[$"Language.{l.Language}"]),
        SetCelebrationChannelCommand c => v.Compose(c.Here ? "Admin.CelebrationsHere" : "Admin.CelebrationsOff"),
        RemoveIntegrationCommand r => v.Compose("Admin.RemoveIntegration", ViewText.Typed(r.Name)),
        _ => v.Compose("Generic.TryHelp"),
    };

    private static IReadOnlyList<ViewLine> Outbox(OutboxView o, ViewText v)
    {
        var lines = new List<ViewLine>();
        if (o.Retried is { } retried) lines.Add(v.Line("Admin.OutboxRetried", v.Points(retried)));
        lines.Add(v.Line("Admin.Outbox", v.Points(o.Summary.Waiting), v.Points(o.Summary.Parked)));
        if (o.Summary.Latest is { } latest)
            lines.Add(v.Line("Admin.OutboxLatest", v[$"OutboxKind.{latest.Kind}"], v.When(latest.At), ViewText.Typed(latest.Reason.TrimEnd('.', ' '))));
        return lines;
    }

    private static IReadOnlyList<ViewLine> Settings(SettingsView s, ViewText v)
    {
        var lines = new List<ViewLine>();
        if (s.Changed is not null) lines.Add(v.Line("Settings.Changed"));
        lines.Add(v.Line("Settings.Private", v[s.PrivateCelebrations ? "Settings.On" : "Settings.Off"]));
        lines.Add(v.Line("Settings.Dm", v[s.DirectMessages ? "Settings.On" : "Settings.Off"]));
        return lines;
    }

    // The first line is the refusal itself: marked, so it reads as a problem on every surface.
    private static IReadOnlyList<ViewLine> WithExample(ViewText v, IReadOnlyList<Span> text, string? exampleKey) =>
        exampleKey is null
            ? [new ViewLine(text, Mark: LineMark.Warning)]
            : [new ViewLine(text, Mark: LineMark.Warning), v.Line("Example.Line", v[exampleKey])];

    private static string? ExampleFor(ParseError error) => error switch
    {
        ParseError.Empty or ParseError.NoRecipient or ParseError.BadPoints or ParseError.MissingMessage
            or ParseError.DuplicatePoints or ParseError.UnknownOption or ParseError.UnknownCommand => "Example.Give",
        ParseError.MissingReward => "Example.Redeem",
        ParseError.BadDigestSchedule or ParseError.UnknownDigestCommand => "Example.Digest",
        ParseError.BadTimeZone => "Example.TimeZone",
        ParseError.BadSetting => "Example.Settings",
        ParseError.BadLeaderboardPeriod => "Example.Leaderboard",
        ParseError.BadRewardAdd or ParseError.MissingRewardId => "Example.RewardAdd",
        ParseError.BadAllowance => "Example.Allowance",
        ParseError.BadValue => "Example.Values",
        ParseError.MissingMember => "Example.Approver",
        ParseError.MissingRedemptionId => "Example.Cancel",
        ParseError.UnknownAdminCommand => "Example.Admin",
        ParseError.BadLogCount => "Example.AdminLog",
        ParseError.BadLanguage => "Example.Language",
        ParseError.BadIntegration => "Example.Integration",
        ParseError.BadBudget => "Example.Budget",
        ParseError.BadNomination or ParseError.MissingNominationReason => "Example.Nominate",
        _ => null,
    };
}
