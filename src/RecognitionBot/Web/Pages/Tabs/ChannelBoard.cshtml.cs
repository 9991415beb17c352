using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos.Channel;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web.Pages.Tabs;

/// <summary>
/// The channel tab's content: that channel's leaderboard and latest kudos, as the core's channel board decides them
/// (only kudos given there, only to people who may be named, only for someone on the team's roster).
/// </summary>
public sealed class ChannelBoardModel(RecognitionService core, DashboardNames names, IAntiforgery antiforgery) : DashboardPage(core, names, antiforgery)
{
    private const int MaxId = 200;

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Period { get; set; } = "month";

    public string Board { get; private set; } = "";

    // A board has no buttons: nothing is posted from it.
    protected override IReadOnlySet<string> PageVerbs { get; } = new HashSet<string>();

    public string PeriodLink(string period) => $"?team={Uri.EscapeDataString(Team ?? "")}&channel={Uri.EscapeDataString(Channel ?? "")}&period={period}";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var period = Period == "week" ? LeaderboardPeriod.Week : LeaderboardPeriod.Month;
        Period = period == LeaderboardPeriod.Week ? "week" : "month";
        CommandResult result;
        if (Me.Workspace.Platform != Platform.Teams || !IsId(Team) || !IsId(Channel))
        {
            result = new Refused(Refusal.NotInChannel);
        }
        else
        {
            var where = new ConversationRef(Channel!, ConversationKind.Channel, Team);
            var context = new CommandContext(Me.Workspace, Me.Member, where, null, Me.Roles.Locale);
            result = (await Core.AnswerAsync(context, new ChannelBoardCommand(period), ct)).Result;
        }
        Board = await RenderAsync(ResultViews.For(result, Me.Text), id: "board");
    }

    private static bool IsId(string? id) => id is { Length: > 0 and <= MaxId } && !id.Any(char.IsControl) && !id.Any(char.IsWhiteSpace);
}
