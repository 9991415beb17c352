using System.Globalization;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members.Roles;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web;

/// <summary>
/// The signed-in person for this request: who they are, their roles as the core decides them (asked once per
/// request), and the reader their pages are written for (their language in the core, else the browser's).
/// </summary>
public sealed record DashboardMember(WorkspaceId Workspace, MemberId Member, string Name, RolesView Roles, Reader Reader)
{
    public bool IsApprover => Roles.Approver || Roles.Manager;

    public CultureInfo Culture => Reader.Texts.Culture;

    public ViewText Text => ViewText.For(Reader);

    /// <summary>The context of a command this person sends from the dashboard (a private place, as a DM with the bot is).</summary>
    public CommandContext Context(DeliveryKey? delivery = null) =>
        new(Workspace, Member, new ConversationRef("", ConversationKind.Direct), delivery, Roles.Locale);

    /// <summary>A delivery key of a dashboard form: one per form shown, so a form sent twice acts once.</summary>
    public DeliveryKey Delivery(string verb, string subject, string nonce) => DeliveryKey.Of($"web:{verb}:{subject}:{Member.Value}:{nonce}");

    private static readonly object Key = new();

    /// <summary>
    /// The person of this request; null when nobody (or no dashboard session) is signed in, or the core does not know
    /// them. Throws <see cref="DashboardUnavailableException"/> when storage could not answer: "try again", not a 403.
    /// </summary>
    public static async Task<DashboardMember?> OfAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(Key, out var known)) return (DashboardMember?)known;
        DashboardMember? member = null;
        if (DashboardClaims.Of(http.User) is { } me)
        {
            var (workspace, id, name) = me;
            var core = http.RequestServices.GetRequiredService<RecognitionService>();
            var context = new CommandContext(workspace, id, new ConversationRef("", ConversationKind.Direct));
            var (result, reader) = await core.AnswerAsync(context, new RolesCommand(), http.RequestAborted);
            if (result is Refused { Reason: Refusal.StorageUnavailable or Refusal.StorageSlow })
                throw new DashboardUnavailableException();
            if (result is RolesView roles)
                member = new DashboardMember(workspace, id, name, roles, reader with { Locale = roles.Locale ?? BrowserLocale(http) });
        }
        http.Items[Key] = member;
        return member;
    }

    /// <summary>The first of the browser's languages that we speak (en, it, sv), if any.</summary>
    public static string? BrowserLocale(HttpContext http)
    {
        var accepted = http.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in accepted.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value;
            if (string.IsNullOrEmpty(tag) || tag == "*") continue;
            var primary = tag.Split('-')[0];
            if (DashboardTexts.Languages.Contains(primary, StringComparer.OrdinalIgnoreCase)) return tag;
        }
        return null;
    }
}

/// <summary>Storage did not answer the request's role check in time: the page answers 503 "try again", changing nothing.</summary>
public sealed class DashboardUnavailableException() : Exception("Storage did not answer the dashboard's role check.");
