using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Give;
using RecognitionBot.Core.Members.People;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web.Pages;

/// <summary>
/// "My people", for managers and approvers: the people whose requests they approve with their kudos lately, the
/// recognition gaps with a surprise kudos (given through the composer's handler, so every rule applies), and the
/// requests waiting for them with Approve / Reject: the card's decision, made by the same handler.
/// </summary>
[Authorize(Policy = DashboardAuth.Approver)]
public sealed class PeopleModel(RecognitionService core, DashboardNames names, IAntiforgery antiforgery) : DashboardPage(core, names, antiforgery)
{
    private IReadOnlyDictionary<MemberId, string> _names = new Dictionary<MemberId, string>();

    public MyPeopleView? View { get; private set; }

    /// <summary>Why the page could not be read (storage down), as the core says it.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<string> Pending { get; private set; } = [];

    protected override IReadOnlySet<string> PageVerbs { get; } = new HashSet<string>([ViewVerbs.Approve, ViewVerbs.Reject], StringComparer.Ordinal);

    public string NameOf(MemberId member) => _names.TryGetValue(member, out var name) ? name : Me.Text["Person.Unknown"];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var (result, _) = await Core.AnswerAsync(Me.Context(), new MyPeopleCommand(), ct);
        if (result is not MyPeopleView view)
        {
            Problem = await RenderAsync(ResultViews.For(result, Me.Text));
            return;
        }
        View = view;
        var approvals = view.Pending.Select(p => RedemptionViews.Approval(p.Redemption, p.RequesterAvailable, Me.Text)).ToList();
        var target = await TargetAsync(view.People.Select(p => p.Member).Concat(approvals.SelectMany(DashboardHtml.PeopleIn)));
        _names = target.Names;
        Pending = [.. approvals.Select(a => DashboardHtml.Render(a, target, level: 3))];
    }

    public async Task<IActionResult> OnPostSurpriseAsync(string? member, string? points, string? message, string? nonce)
    {
        if (string.IsNullOrWhiteSpace(member) || member.Length > 100 || !IsNonce(nonce)) return BadRequest();
        var recipient = new MemberId(member);
        await AnswerAsync(new SubmitComposerCommand(new ComposerInput([recipient], points, [], message, false)),
            Me.Delivery("surprise", member, nonce!));
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }
}
