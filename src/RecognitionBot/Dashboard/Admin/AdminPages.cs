using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// Runs an admin page: the core's query (or a form's command, then the query) through the same pipeline as every chat
/// command, so the admin check, storage faults and the rules are the core's; then the page in the reader's language.
/// A member who is no admin gets 403 here too, should a route ever miss its policy.
/// </summary>
public sealed class AdminPages(RecognitionService recognition, Membership membership, IAntiforgery antiforgery, ILogger<AdminPages> log)
{
    /// <summary>Where dashboard commands come from: no chat, so nothing is celebrated "here".</summary>
    public static readonly ConversationRef Dashboard = new("dashboard", ConversationKind.Direct);

    public delegate string? Render(CommandResult result, AdminHtml html, ViewText view);

    public Task<IResult> ShowAsync(HttpContext http, string titleKey, KudosCommand query, Render render, CancellationToken ct) =>
        PageAsync(http, titleKey, query, render, notice: null, StatusCodes.Status200OK, ct);

    /// <summary>
    /// A posted form: its command (unless the form itself could not be read), then the page again with the answer on
    /// top: 200 when it went through, 400 with the reason when it was refused (nothing changed then).
    /// </summary>
    public async Task<IResult> SubmitAsync(HttpContext http, string titleKey, Func<AdminForm, KudosCommand> read, KudosCommand query, Render render,
        CancellationToken ct)
    {
        if (AdminSession.Read(http) is not { } session) return Results.Unauthorized();
        var form = new AdminForm(await http.Request.ReadFormAsync(ct), Texts.For(PageLocale()));
        var command = read(form);
        if (form.Error is { } error)
            return await PageAsync(http, titleKey, query, render, new View([ViewLine.Text(error, mark: LineMark.Warning)]) { Tone = ViewTone.Problem },
                StatusCodes.Status400BadRequest, ct);
        var answer = await recognition.AnswerAsync(Context(session), command, ct);
        if (answer.Result is Refused { Reason: Refusal.NotAdmin }) return Results.StatusCode(StatusCodes.Status403Forbidden);
        log.LogInformation("Dashboard {Command} by {Member} in {Workspace}: {Result}", command.GetType().Name, session.Member, session.Workspace,
            answer.Result.GetType().Name);
        var notice = ResultViews.For(answer.Result, ViewText.For(Reader(answer.Reader)));
        var status = answer.Result is Refused or NotUnderstood ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return await PageAsync(http, titleKey, query, render, notice, status, ct);
    }

    /// <summary>The export's CSV download, or the export page with the reason it was refused.</summary>
    public async Task<IResult> DownloadAsync(HttpContext http, CancellationToken ct)
    {
        if (AdminSession.Read(http) is not { } session) return Results.Unauthorized();
        var texts = Texts.For(PageLocale());
        var form = new AdminForm(await http.Request.ReadFormAsync(ct), texts);
        var command = new ExportCommand(
            form.Choice("kind", ExportKind.Kudos), form.Day("from", "AdminPage.Export.From"), form.Day("to", "AdminPage.Export.To"));
        if (form.Error is null)
        {
            var answer = await recognition.AnswerAsync(Context(session), command, ct);
            if (answer.Result is Refused { Reason: Refusal.NotAdmin }) return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (answer.Result is ExportView export)
            {
                http.Response.Headers.CacheControl = "no-store";
                return Results.Stream((Stream stream) => CsvExport.WriteAsync(export, stream, ct), "text/csv; charset=utf-8", CsvExport.FileName(export));
            }
            var notice = ResultViews.For(answer.Result, ViewText.For(Reader(answer.Reader)));
            return await PageAsync(http, "AdminPage.Export.Title", new AdminSettingsCommand(), ExportForm, notice, StatusCodes.Status400BadRequest, ct);
        }
        return await PageAsync(http, "AdminPage.Export.Title", new AdminSettingsCommand(), ExportForm,
            new View([ViewLine.Text(form.Error, mark: LineMark.Warning)]) { Tone = ViewTone.Problem }, StatusCodes.Status400BadRequest, ct);
    }

    /// <summary>The export form, in the workspace's zone (which the settings query brings).</summary>
    public static string? ExportForm(CommandResult result, AdminHtml h, ViewText v) => result is AdminSettingsView s
        ? ExportPage.Render(h, s.Settings.TimeZone, DateOnly.FromDateTime(Clock.Local(DateTimeOffset.UtcNow, s.Settings.Zone)))
        : null;

    private async Task<IResult> PageAsync(HttpContext http, string titleKey, KudosCommand query, Render render, View? notice, int status,
        CancellationToken ct)
    {
        if (AdminSession.Read(http) is not { } session) return Results.Unauthorized();
        var answer = await recognition.AnswerAsync(Context(session), query, ct);
        if (answer.Result is Refused { Reason: Refusal.NotAdmin }) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var reader = Reader(answer.Reader);
        var v = ViewText.For(reader);
        var names = await NamesAsync(session.Workspace, PeopleIn(answer.Result, v).Concat(notice?.People ?? []), ct);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var h = new AdminHtml(reader.Texts, reader.Zone, names, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? ""));
        var body = render(answer.Result, h, v);
        if (body is null)
        {
            // The query itself was refused (storage down, too busy): say so, in place of the page.
            notice = ResultViews.For(answer.Result, v);
            status = StatusCodes.Status503ServiceUnavailable;
        }
        var html = AdminLayout.Page(h, h.T[titleKey], http.Request.Path, (notice is null ? "" : h.Lines(notice)) + (body ?? ""));
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static CommandContext Context(AdminSession session) => new(session.Workspace, session.Member, Dashboard);

    /// <summary>The page's language (the dashboard's, from the request), else the workspace's, in the workspace's zone.</summary>
    private static Reader Reader(Reader answered) => answered with { Locale = PageLocale() };

    private static string PageLocale() => CultureInfo.CurrentUICulture.Name;

    private static IEnumerable<MemberId> PeopleIn(CommandResult result, ViewText v) => result switch
    {
        AdminSettingsView s => [.. s.Settings.Approvers, .. s.Settings.Admins, .. s.People.Select(p => p.Member)],
        AuditLogView log => log.Entries.SelectMany(e => AuditText.Sentence(e, v)).OfType<MentionSpan>().Select(m => m.Member),
        _ => [],
    };

    /// <summary>People's names from the platform's directory (which caches); a directory that fails leaves their ids.</summary>
    private async Task<IReadOnlyDictionary<MemberId, string>> NamesAsync(WorkspaceId workspace, IEnumerable<MemberId> people, CancellationToken ct)
    {
        var found = new ConcurrentDictionary<MemberId, string>();
        if (membership.DirectoryFor(workspace.Platform) is not { } directory) return found;
        await Parallel.ForEachAsync(people.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (member, c) =>
        {
            try
            {
                if (await directory.FindAsync(workspace, member, c) is { DisplayName: { Length: > 0 } name }) found[member] = name;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "No name for {Member} in {Workspace}", member, workspace);
            }
        });
        return found;
    }
}
