using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Web;

/// <summary>
/// A signed-in page: the person (roles from the core), rendering of the core's views with names and forms, and the
/// one act handler every view button posts to. Each verb maps to the command the chat surfaces send for the same
/// button, so a decision here is the same decision as a click on the card (same handler, same outbox posts).
/// </summary>
public abstract class DashboardPage(RecognitionService core, DashboardNames names, IAntiforgery antiforgery) : PageModel
{
    private const int MaxSubject = 200;

    private static readonly Dictionary<string, Func<string, string?, KudosCommand>> Verbs = new(StringComparer.Ordinal)
    {
        [ViewVerbs.Redeem] = static (reward, _) => new RedeemCommand(reward),
        [ViewVerbs.Approve] = static (id, _) => new DecideRedemptionCommand(id, true, null),
        [ViewVerbs.Reject] = static (id, reason) => new DecideRedemptionCommand(id, false, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()),
        [ViewVerbs.Cancel] = static (id, _) => new CancelRedemptionCommand(id),
    };

    protected RecognitionService Core => core;

    public DashboardMember Me { get; private set; } = null!;

    /// <summary>The core's answer to the form just sent, as HTML (shown in a status region at the top).</summary>
    public string? Outcome { get; protected set; }

    /// <summary>The verbs this page shows buttons for.</summary>
    protected virtual IReadOnlySet<string> PageVerbs { get; } = new HashSet<string>(Verbs.Keys, StringComparer.Ordinal);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The policy let the request in, so the core knows the person (it was asked for the same request).
        Me = await DashboardMember.OfAsync(HttpContext) ?? throw new InvalidOperationException("A dashboard page without a session.");
        await next();
    }

    /// <summary>Reads what the page shows (after an act too, so the page shows the state the answer left).</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(string? verb, string? subject, string? nonce, string? reason)
    {
        if (verb is null || !Verbs.TryGetValue(verb, out var command) || !PageVerbs.Contains(verb)
            || string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubject || !IsNonce(nonce))
            return BadRequest();
        await AnswerAsync(command(subject, reason), Me.Delivery(verb, subject, nonce!));
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Sends a command as this person and shows the core's answer.</summary>
    protected async Task<CommandResult> AnswerAsync(KudosCommand command, DeliveryKey delivery)
    {
        var (result, _) = await core.AnswerAsync(Me.Context(delivery), command, HttpContext.RequestAborted);
        Outcome = await RenderAsync(ResultViews.For(result, Me.Text), level: 2, id: "outcome");
        return result;
    }

    protected async Task<string> RenderAsync(View view, int level = 2, string? id = null) =>
        DashboardHtml.Render(view, await TargetAsync(DashboardHtml.PeopleIn(view)), level, id);

    protected async Task<HtmlTarget> TargetAsync(IEnumerable<Core.Workspaces.MemberId> people) =>
        new(await names.ForAsync(Me.Workspace, people, HttpContext.RequestAborted), Url.Page(null, "act") ?? Request.Path,
            antiforgery.GetAndStoreTokens(HttpContext).RequestToken ?? "", PageVerbs);

    protected static bool IsNonce(string? nonce) => nonce is { Length: >= 16 and <= 64 } && nonce.All(char.IsAsciiLetterOrDigit);
}
