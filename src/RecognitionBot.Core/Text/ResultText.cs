using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Text;

/// <summary>
/// One-line answers that read the same on every platform: refusals with an example of the right form, admin
/// confirmations, settings and digest changes, redemption outcomes. A platform passes its own way of writing a mention.
/// </summary>
public static class ResultText
{
    public static string Describe(CommandResult result, Texts t, Func<MemberId, string> mention, TimeZoneInfo zone) => result switch
    {
        NotUnderstood n => WithExample(t, t.Format($"Parse.{n.Error}", n.Detail), ExampleFor(n.Error)),
        Refused r => Refusal(r, t, mention),
        AdminDone a => Admin(a, t, mention),
        SettingsView s => Settings(s, t),
        DigestSubscriptionView d => d.Subscribed
            ? t.Format("Digest.On", t.Weekday(d.Day), d.Time.ToString("HH:mm", t.Culture), d.TimeZone)
            : t["Digest.Off"],
        RedemptionView v => Redemption(v, t, mention, zone),
        OutboxView o => Outbox(o, t, zone),
        _ => t["Generic.TryHelp"],
    };

    public static string Refusal(Refused r, Texts t, Func<MemberId, string> mention)
    {
        var args = (r.Detail ?? "").Split('|');
        if (r.Reason is Commands.Refusal.UnknownMember or Commands.Refusal.BotRecipient or Commands.Refusal.OutsiderRecipient or Commands.Refusal.DuplicateRecipient)
            args = [mention(new MemberId(r.Detail ?? ""))];
        if (r.Reason is Commands.Refusal.ManagerCycle or Commands.Refusal.SelfMappedApprover)
            args = [.. args.Select(a => mention(new MemberId(a)))];
        var text = t.Format($"Refusal.{r.Reason}", args.Cast<object?>().ToArray());
        return r.Reason switch
        {
            Commands.Refusal.AllowanceExceeded or Commands.Refusal.PointsOutOfRange or Commands.Refusal.MessageTooShort
                or Commands.Refusal.TooManyRecipients or Commands.Refusal.SelfKudos => WithExample(t, text, "Example.Give"),
            Commands.Refusal.UnknownReward or Commands.Refusal.AmbiguousReward => WithExample(t, text, "Example.Redeem"),
            _ => text,
        };
    }

    public static string Redemption(RedemptionView v, Texts t, Func<MemberId, string> mention, TimeZoneInfo zone)
    {
        var r = v.Redemption;
        var decider = r.DecidedBy is { } by ? mention(by) : "";
        return v.Change switch
        {
            RedemptionChange.Requested => t.Format("Redemption.Requested", r.RewardName, t.Number(r.Cost),
                r.Approvers.Count == 1 ? mention(r.Approvers[0]) : t["Redemption.Approvers"]),
            RedemptionChange.Completed => t.Format("Redemption.Completed", r.RewardName, t.Number(r.Cost)),
            RedemptionChange.Approved => t.Format("Redemption.Approved", r.RewardName, decider, t.Number(r.Cost)),
            RedemptionChange.Rejected => t.Format("Redemption.Rejected", r.RewardName, decider, t.Number(r.Cost))
                + (r.Reason is { } reason ? " " + t.Format("Redemption.RejectedReason", reason) : ""),
            RedemptionChange.Cancelled => t.Format("Redemption.Cancelled", r.RewardName, t.Number(r.Cost)),
            _ => t.Format("Redemption.Unchanged", State(r.State, t))
                + (r.DecidedAt is { } at && r.DecidedBy is not null ? " " + t.Format("Approval.Decided", State(r.State, t), decider, t.When(at, zone)) : ""),
        };
    }

    public static string State(RedemptionState state, Texts t) => t[$"State.{state}"];

    private static string Admin(AdminDone a, Texts t, Func<MemberId, string> mention) => a.Command switch
    {
        AddRewardCommand add => t.Format("Admin.AddReward", add.Name, a.Detail),
        RemoveRewardCommand => t.Format("Admin.RemoveReward", a.Detail),
        SetAllowanceCommand s => t.Format("Admin.SetAllowance", t.Number(s.Points), t[$"Period.{s.Period ?? AllowancePeriod.Monthly}"]),
        ChangeValuesCommand v => t.Format(v.Add ? "Admin.AddValue" : "Admin.RemoveValue", a.Detail),
        ChangeApproverCommand p => t.Format(p.Add ? "Admin.AddApprover" : "Admin.RemoveApprover", mention(p.Member)),
        ChangeAdminCommand c => t.Format(c.Add ? "Admin.AddAdmin" : "Admin.RemoveAdmin", mention(c.Member)),
        SetManagerCommand m => t.Format("Admin.SetManager", mention(m.Agent), mention(m.Manager)),
        SetRoleCommand r => t.Format(r.Manager ? "Admin.RoleManager" : "Admin.RoleMember", mention(r.Member)),
        SetTimeZoneCommand z => t.Format("Admin.SetTimeZone", z.TimeZone),
        SetCelebrationChannelCommand c => t[c.Here ? "Admin.CelebrationsHere" : "Admin.CelebrationsOff"],
        _ => t["Generic.TryHelp"],
    };

    private static string Outbox(OutboxView o, Texts t, TimeZoneInfo zone)
    {
        var lines = new List<string>();
        if (o.Retried is { } retried) lines.Add(t.Format("Admin.OutboxRetried", t.Number(retried)));
        lines.Add(t.Format("Admin.Outbox", t.Number(o.Summary.Waiting), t.Number(o.Summary.Parked)));
        if (o.Summary.Latest is { } latest)
            lines.Add(t.Format("Admin.OutboxLatest", t[$"OutboxKind.{latest.Kind}"], t.When(latest.At, zone), latest.Reason));
        return string.Join("\n", lines);
    }

    private static string Settings(SettingsView s, Texts t)
    {
        var lines = t.Format("Settings.Private", t[s.PrivateCelebrations ? "Settings.On" : "Settings.Off"]) + "\n"
            + t.Format("Settings.Dm", t[s.DirectMessages ? "Settings.On" : "Settings.Off"]);
        return s.Changed is null ? lines : t["Settings.Changed"] + "\n" + lines;
    }

    private static string WithExample(Texts t, string text, string? exampleKey) =>
        exampleKey is null ? text : text + "\n" + t.Format("Example.Line", t[exampleKey]);

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
        _ => null,
    };
}
