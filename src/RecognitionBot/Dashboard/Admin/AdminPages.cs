using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Text;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

using RecognitionBot.Web;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>Who asks for an admin page: their command context, the page's language, and the token their forms carry.</summary>
public sealed record AdminCaller(CommandContext Context, string? Locale, AntiforgeryField Token);

/// <summary>What an admin page answers: a page (its title, body and status), a CSV export, or "not for you".</summary>
public abstract record AdminOutcome;

public sealed record AdminPageOutcome(string Title, string Body, int Status, Texts Texts) : AdminOutcome;

public sealed record AdminCsvOutcome(ExportView Export) : AdminOutcome;

public sealed record AdminForbidden : AdminOutcome;

/// <summary>
/// Runs an admin page: the core's query (or a form's command, then the query) through the same pipeline as every chat
/// command, so the admin check, storage faults and the rules are the core's; then the page in the reader's language.
/// A member who is no admin is forbidden here too, should a route ever miss its policy.
/// </summary>
public sealed class AdminPages(RecognitionService recognition, DashboardNames directoryNames, ILogger<AdminPages> log)
{
    /// <summary>A page as it stands; null: no such page.</summary>
    public async Task<AdminOutcome?> ShowAsync(AdminCaller caller, string section, int page, CancellationToken ct) =>
        AdminSections.All.TryGetValue(section, out var s) ? await PageAsync(caller, s, page, notice: null, 200, ct) : null;

    /// <summary>
    /// A posted form: its command (unless the form itself could not be read), then the page again with the answer on
    /// top: 200 when it went through, 400 with the reason when it was refused (nothing changed then). Null: no such form.
    /// </summary>
    public async Task<AdminOutcome?> SubmitAsync(AdminCaller caller, string section, string action, IFormCollection posted, CancellationToken ct)
    {
        if (!AdminSections.All.TryGetValue(section, out var s) || !s.Forms.TryGetValue(action, out var read)) return null;
        var form = new AdminForm(posted, Texts.For(caller.Locale));
        var command = read(form);
        if (form.Error is { } error)
            return await PageAsync(caller, s, 1, new View([ViewLine.Text(error, mark: LineMark.Warning)]) { Tone = ViewTone.Problem }, 400, ct);
        var answer = await recognition.AnswerAsync(caller.Context, command, ct);
        if (answer.Result is Refused { Reason: Refusal.NotAdmin }) return new AdminForbidden();
        log.LogInformation("Dashboard {Command} by {Member} in {Workspace}: {Result}", command.GetType().Name, caller.Context.Actor,
            caller.Context.Workspace, answer.Result.GetType().Name);
        if (answer.Result is ExportView export) return new AdminCsvOutcome(export);
        var notice = ResultViews.For(answer.Result, ViewText.For(answer.Reader with { Locale = caller.Locale }));
        return await PageAsync(caller, s, 1, notice, answer.Result is Refused or NotUnderstood ? 400 : 200, ct);
    }

    private async Task<AdminOutcome> PageAsync(AdminCaller caller, AdminSection section, int page, View? notice, int status, CancellationToken ct)
    {
        var answer = await recognition.AnswerAsync(caller.Context, section.Query(page), ct);
        if (answer.Result is Refused { Reason: Refusal.NotAdmin }) return new AdminForbidden();
        var reader = answer.Reader with { Locale = caller.Locale };
        var v = ViewText.For(reader);
        var names = await directoryNames.ForAsync(caller.Context.Workspace, PeopleIn(answer.Result, v).Concat(notice?.People ?? []), ct);
        var h = new AdminHtml(reader.Texts, reader.Zone, names, caller.Token);
        var body = section.Render(answer.Result, h, v, page);
        if (body is null)
        {
            // The query itself was refused (storage down, too busy): say so, in place of the page.
            notice = ResultViews.For(answer.Result, v);
            status = 503;
        }
        return new AdminPageOutcome(h.T[section.TitleKey], (notice is null ? "" : h.Lines(notice)) + (body ?? ""), status, h.T);
    }

    private static IEnumerable<MemberId> PeopleIn(CommandResult result, ViewText v) => result switch
    {
        AdminSettingsView s => [.. s.Settings.Approvers, .. s.Settings.Admins, .. s.People.Select(p => p.Member)],
        AuditLogView log => log.Entries.SelectMany(e => AuditText.Sentence(e, v)).OfType<MentionSpan>().Select(m => m.Member),
        _ => [],
    };
}
