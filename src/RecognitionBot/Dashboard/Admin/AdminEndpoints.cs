using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>The dashboard's admin pages: Overview, Catalog, Settings, Audit log, Export. Admins only; every form carries its antiforgery token.</summary>
public static class AdminEndpoints
{
    public const string Policy = "Admin";

    public static IServiceCollection AddDashboardAdmin(this IServiceCollection services) => services.AddSingleton<AdminPages>();

    public static IEndpointRouteBuilder MapDashboardAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(AdminRoutes.Root).RequireAuthorization(Policy);
        admin.MapGet("/", () => Results.Redirect(AdminRoutes.Overview));

        admin.MapGet("/overview", (HttpContext http, AdminPages pages, CancellationToken ct) =>
            pages.ShowAsync(http, "AdminPage.Overview.Title", new OverviewCommand(), Overview, ct));

        admin.MapGet("/catalog", (HttpContext http, AdminPages pages, CancellationToken ct) => Catalog(http, pages, null, ct));
        admin.MapPost("/catalog/add", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Catalog(http, pages, f =>
            new AddRewardCommand(f.Required("name", "AdminPage.Catalog.Name"), f.Number("cost", "AdminPage.Catalog.Cost", required: true) ?? 0,
                f.Number("stock", "AdminPage.Catalog.Stock"), f.Flag("needsApproval"), f.Number("monthlyLimit", "AdminPage.Catalog.MonthlyLimit")), ct));
        admin.MapPost("/catalog/edit", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Catalog(http, pages, f =>
            new EditRewardCommand(f.Text("rewardId"), f.Required("name", "AdminPage.Catalog.Name"),
                f.Number("cost", "AdminPage.Catalog.Cost", required: true) ?? 0, f.Flag("needsApproval"),
                f.Number("monthlyLimit", "AdminPage.Catalog.MonthlyLimit")), ct));
        admin.MapPost("/catalog/restock", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Catalog(http, pages, f =>
            new RestockRewardCommand(f.Text("rewardId"), f.Number("quantity", "AdminPage.Catalog.Quantity", required: true) ?? 0), ct));
        admin.MapPost("/catalog/retire", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) =>
            Catalog(http, pages, f => new RemoveRewardCommand(f.Text("rewardId")), ct));

        admin.MapGet("/settings", (HttpContext http, AdminPages pages, CancellationToken ct) => Settings(http, pages, null, ct));
        admin.MapPost("/settings/allowance", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            new SetAllowanceCommand(f.Number("points", "AdminPage.Settings.AllowancePoints", required: true) ?? 0,
                f.Choice("period", AllowancePeriod.Monthly)), ct));
        admin.MapPost("/settings/values", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            new ChangeValuesCommand(f.Text("op") != "remove", f.Required("value", "AdminPage.Settings.NewValue")), ct));
        admin.MapPost("/settings/approvers", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            new ChangeApproverCommand(f.Text("op") != "remove", new MemberId(f.Required("member", "AdminPage.Settings.Person"))), ct));
        admin.MapPost("/settings/admins", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            new ChangeAdminCommand(f.Text("op") != "remove", new MemberId(f.Required("member", "AdminPage.Settings.Person"))), ct));
        admin.MapPost("/settings/roles", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            new SetRoleCommand(new MemberId(f.Required("member", "AdminPage.Settings.Person")), f.Text("role") == "manager"), ct));
        admin.MapPost("/settings/timezone", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            new SetTimeZoneCommand(f.Required("timeZone", "AdminPage.Settings.TimeZone")), ct));
        admin.MapPost("/settings/language", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            new SetLanguageCommand(f.Required("language", "AdminPage.Settings.Language")), ct));
        admin.MapPost("/settings/celebrations", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => Settings(http, pages, f =>
            f.Text("channel") is { Length: > 0 } channel
                ? new SetCelebrationChannelCommand(true) { Channel = channel }
                : new SetCelebrationChannelCommand(false), ct));

        admin.MapGet("/audit", (HttpContext http, AdminPages pages, int? page, CancellationToken ct) =>
        {
            var number = Math.Clamp(page ?? 1, 1, AuditLogCommand.MaxReach / AuditPage.PageSize);
            return pages.ShowAsync(http, "AdminPage.Audit.Title", new AuditLogCommand(AuditPage.PageSize) { Skip = (number - 1) * AuditPage.PageSize },
                (r, h, v) => r is AuditLogView log ? AuditPage.Render(log, number, h, v) : null, ct);
        });

        admin.MapGet("/export", (HttpContext http, AdminPages pages, CancellationToken ct) =>
            pages.ShowAsync(http, "AdminPage.Export.Title", new AdminSettingsCommand(), AdminPages.ExportForm, ct));
        admin.MapPost("/export/download", (HttpContext http, AdminPages pages, IFormCollection _, CancellationToken ct) => pages.DownloadAsync(http, ct));
        return app;
    }

    private static string? Overview(CommandResult result, AdminHtml h, Core.Views.ViewText v) => result is OverviewView o ? OverviewPage.Render(o, h) : null;

    private static Task<IResult> Catalog(HttpContext http, AdminPages pages, Func<AdminForm, KudosCommand>? read, CancellationToken ct)
    {
        static string? Render(CommandResult r, AdminHtml h, Core.Views.ViewText v) => r is RewardsView rewards ? CatalogPage.Render(rewards.Rewards, h) : null;
        return read is null
            ? pages.ShowAsync(http, "AdminPage.Catalog.Title", new RewardsCommand(), Render, ct)
            : pages.SubmitAsync(http, "AdminPage.Catalog.Title", read, new RewardsCommand(), Render, ct);
    }

    private static Task<IResult> Settings(HttpContext http, AdminPages pages, Func<AdminForm, KudosCommand>? read, CancellationToken ct)
    {
        static string? Render(CommandResult r, AdminHtml h, Core.Views.ViewText v) => r is AdminSettingsView s ? SettingsPage.Render(s, h) : null;
        return read is null
            ? pages.ShowAsync(http, "AdminPage.Settings.Title", new AdminSettingsCommand(), Render, ct)
            : pages.SubmitAsync(http, "AdminPage.Settings.Title", read, new AdminSettingsCommand(), Render, ct);
    }
}
