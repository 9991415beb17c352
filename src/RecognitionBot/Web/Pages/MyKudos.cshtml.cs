using Microsoft.AspNetCore.Antiforgery;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Views;

namespace RecognitionBot.Web.Pages;

/// <summary>
/// "My kudos", for everyone: the home every surface shows (balance, allowance and renewal, recent kudos, the
/// leaderboard, rewards with Redeem, and requests waiting for an approver), then the history.
/// </summary>
public sealed class MyKudosModel(RecognitionService core, DashboardNames names, IAntiforgery antiforgery) : DashboardPage(core, names, antiforgery)
{
    public string Home { get; private set; } = "";

    public string History { get; private set; } = "";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var home = await Core.AnswerAsync(Me.Context(), new HomeCommand(), ct);
        var history = await Core.AnswerAsync(Me.Context(), new HistoryCommand(), ct);
        Home = await RenderAsync(ResultViews.For(home.Result, Me.Text), id: "home");
        History = await RenderAsync(ResultViews.For(history.Result, Me.Text), id: "history");
    }
}
