using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>The dashboard's admin pages: Overview, Catalog, Settings, Audit log, Export. Admins only; every form carries its antiforgery token.</summary>
public static class AdminEndpoints
{
    public const string Policy = "Admin";

    public static IServiceCollection AddDashboardAdmin(this IServiceCollection services) => services.AddSingleton<AdminPages>();

    /// <summary>After <c>MapDashboard</c>: the session and the policies are known by then, as the form tokens need.</summary>
    public static WebApplication MapDashboardAdmin(this WebApplication app)
    {
        app.UseAntiforgery();
        var admin = app.MapGroup(AdminRoutes.Root).RequireAuthorization(Policy);
        admin.MapGet("/{section}", async (HttpContext http, AdminPages pages, IAntiforgery antiforgery, string section, int? page, CancellationToken ct) =>
        {
            var caller = Caller(http, antiforgery);
            return await ResultAsync(http, caller, caller is not null
                ? await pages.ShowAsync(caller, section, AdminSections.AuditPageNumber(page), ct)
                : new AdminForbidden());
        });
        admin.MapPost("/{section}/{action}", async (HttpContext http, AdminPages pages, IAntiforgery antiforgery, string section, string action,
            IFormCollection form, CancellationToken ct) =>
        {
            var caller = Caller(http, antiforgery);
            return await ResultAsync(http, caller, caller is not null ? await pages.SubmitAsync(caller, section, action, form, ct) : new AdminForbidden());
        });
        return app;
    }

    private static AdminCaller? Caller(HttpContext http, IAntiforgery antiforgery)
    {
        if (Web.DashboardClaims.Of(http.User) is not var (workspace, member, _)) return null;
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new AdminCaller(new(workspace, member, new ConversationRef("dashboard", ConversationKind.Direct)),
            CultureInfo.CurrentUICulture.Name, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""));
    }

    private static async Task<IResult> ResultAsync(HttpContext http, AdminCaller? caller, AdminOutcome? outcome)
    {
        // The person's bar, as on every other dashboard page: back to their own pages, who is signed in, sign out.
        var me = await Web.DashboardMember.OfAsync(http);
        http.Response.Headers.CacheControl = "no-store";
        return outcome switch
        {
            null => Results.NotFound(),
            AdminForbidden => Results.StatusCode(StatusCodes.Status403Forbidden),
            AdminCsvOutcome csv => Results.Stream((Stream stream) => CsvExport.WriteAsync(csv.Export, stream, http.RequestAborted), "text/csv; charset=utf-8",
                CsvExport.FileName(csv.Export)),
            AdminPageOutcome page => Results.Content(
                AdminLayout.Page(page.Texts, page.Title, http.Request.Path, page.Body,
                    me is null || caller is null ? "" : AdminLayout.Who(page.Texts, me, caller.Token)),
                "text/html; charset=utf-8",
                statusCode: page.Status),
            _ => Results.StatusCode(StatusCodes.Status500InternalServerError),
        };
    }
}
