using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// One admin page: its title, the core query it shows, how it renders the answer, and its forms, each read into the
/// admin command it sends (every rule is the handler's).
/// </summary>
public sealed record AdminSection(
    string TitleKey,
    Func<int, KudosCommand> Query,
    Func<CommandResult, AdminHtml, ViewText, int, string?> Render,
    IReadOnlyDictionary<string, Func<AdminForm, KudosCommand>> Forms);

/// <summary>The admin pages, by the last part of their address (<see cref="AdminRoutes"/>).</summary>
public static class AdminSections
{
    public static readonly IReadOnlyDictionary<string, AdminSection> All = new Dictionary<string, AdminSection>(StringComparer.Ordinal)
    {
        ["overview"] = new("AdminPage.Overview.Title", _ => new OverviewCommand(),
            (r, h, _, _) => r is OverviewView o ? OverviewPage.Render(o, h) : null, new Dictionary<string, Func<AdminForm, KudosCommand>>()),
        ["catalog"] = new("AdminPage.Catalog.Title", _ => new RewardsCommand(),
            (r, h, _, _) => r is RewardsView rewards ? CatalogPage.Render(rewards.Rewards, h) : null,
            new Dictionary<string, Func<AdminForm, KudosCommand>>(StringComparer.Ordinal)
            {
                ["add"] = f => new AddRewardCommand(
                    f.Required("name", "AdminPage.Catalog.Name"), f.Number("cost", "AdminPage.Catalog.Cost", required: true) ?? 0,
                    f.Number("stock", "AdminPage.Catalog.Stock"), f.Flag("needsApproval"), f.Number("monthlyLimit", "AdminPage.Catalog.MonthlyLimit")),
                ["edit"] = f => new EditRewardCommand(f.Text("rewardId"), f.Required("name", "AdminPage.Catalog.Name"),
                    f.Number("cost", "AdminPage.Catalog.Cost", required: true) ?? 0, f.Flag("needsApproval"),
                    f.Number("monthlyLimit", "AdminPage.Catalog.MonthlyLimit")),
                ["restock"] = f => new RestockRewardCommand(f.Text("rewardId"), f.Number("quantity", "AdminPage.Catalog.Quantity", required: true) ?? 0),
                ["retire"] = f => new RemoveRewardCommand(f.Text("rewardId")),
            }),
        ["settings"] = new("AdminPage.Settings.Title", _ => new AdminSettingsCommand(),
            (r, h, _, _) => r is AdminSettingsView s ? SettingsPage.Render(s, h) : null,
            new Dictionary<string, Func<AdminForm, KudosCommand>>(StringComparer.Ordinal)
            {
                ["allowance"] = f => new SetAllowanceCommand(f.Number("points", "AdminPage.Settings.AllowancePoints", required: true) ?? 0,
                    f.Choice("period", AllowancePeriod.Monthly)),
                ["values"] = f => new ChangeValuesCommand(f.Text("op") != "remove", f.Required("value", "AdminPage.Settings.NewValue")),
                ["approvers"] = f => new ChangeApproverCommand(f.Text("op") != "remove", Member(f)),
                ["admins"] = f => new ChangeAdminCommand(f.Text("op") != "remove", Member(f)),
                ["roles"] = f => new SetRoleCommand(Member(f), f.Text("role") == "manager"),
                ["timezone"] = f => new SetTimeZoneCommand(f.Required("timeZone", "AdminPage.Settings.TimeZone")),
                ["language"] = f => new SetLanguageCommand(f.Required("language", "AdminPage.Settings.Language")),
                ["celebrations"] = f => f.Text("channel") is { Length: > 0 } channel
                    ? new SetCelebrationChannelCommand(true) { Channel = channel }
                    : new SetCelebrationChannelCommand(false),
            }),
        ["audit"] = new("AdminPage.Audit.Title", page => new AuditLogCommand(AuditPage.PageSize) { Skip = (page - 1) * AuditPage.PageSize },
            (r, h, v, page) => r is AuditLogView log ? AuditPage.Render(log, page, h, v) : null, new Dictionary<string, Func<AdminForm, KudosCommand>>()),
        ["export"] = new("AdminPage.Export.Title", _ => new AdminSettingsCommand(), (r, h, _, _) => r is AdminSettingsView s
                ? ExportPage.Render(h, s.Settings.TimeZone, DateOnly.FromDateTime(Clock.Local(DateTimeOffset.UtcNow, s.Settings.Zone)))
                : null,
            new Dictionary<string, Func<AdminForm, KudosCommand>>(StringComparer.Ordinal)
            {
                ["download"] = f => new ExportCommand(
                    f.Choice("kind", ExportKind.Kudos), f.Day("from", "AdminPage.Export.From"), f.Day("to", "AdminPage.Export.To")),
            }),
    };

    /// <summary>The audit log's pages a link may ask for (each reads the rows before it).</summary>
    public static int AuditPageNumber(int? page) => Math.Clamp(page ?? 1, 1, AuditLogCommand.MaxReach / AuditPage.PageSize);

    private static MemberId Member(AdminForm f) => new(f.Required("member", "AdminPage.Settings.Person"));
}
