using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Contract;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// The App Home: published with <c>views.publish</c> when its owner opens the tab, republished after what changes it
/// (a kudos, a decision), with the same Redeem / Approve / Reject buttons as the messages.
/// </summary>
public sealed class AppHomeInSlack : IAsyncLifetime
{
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync() => _app = await SlackAppDriver.StartAsync(new Dictionary<string, string?>
    {
        ["Slack:HomeDebounce"] = "00:00:00.100",
        ["Slack:HomeInterval"] = "00:00:00.010",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static void AssertValidHome(string name, JsonElement view) =>
        SlackTypesCheck.AssertValid([new SlackPayload(name, SlackSurface.Home, view.GetRawText())]);

    private static IEnumerable<JsonElement> Buttons(JsonElement view) =>
        view.GetProperty("blocks").EnumerateArray().SelectMany(b =>
            b.TryGetProperty("elements", out var e) && b.GetProperty("type").GetString() == "actions" ? [.. e.EnumerateArray()]
            : b.TryGetProperty("accessory", out var a) ? [a] : Array.Empty<JsonElement>());

    [Fact]
    public async Task OpeningTheHomeTabPublishesTheHomeAndAKudosToThatPersonRepublishesIt()
    {
        var since = DateTimeOffset.UtcNow;
        var ack = await _app.OpenHomeAsync("U0002");
        using (await _app.OpenHomeAsync("U0001")) { }

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var home = await _app.PublishedHomeAsync("U0002", since);
        AssertValidHome("home on open", home);
        Assert.Equal("home", home.GetProperty("type").GetString());
        Assert.Contains("Left to give: 100 of 100 points", Said(home));
        Assert.Contains("Available: 0 points", Said(home));
        Assert.Contains(Buttons(home), b => b.GetProperty("action_id").GetString() == SlackActions.Id("compose"));

        var afterKudos = DateTimeOffset.UtcNow;
        await _app.AnswerAsync("U0001", "<@U0002> +10 thanks for the calm escalation");

        var republished = await _app.PublishedHomeAsync("U0002", afterKudos);
        AssertValidHome("home after a kudos", republished);
        Assert.Contains("Available: 10 points", Said(republished));
        Assert.Contains("thanks for the calm escalation", Said(republished));
        // The giver's home changed too: their allowance.
        Assert.Contains("Left to give: 90 of 100 points", Said(await _app.PublishedHomeAsync("U0001", afterKudos)));
    }

    [Fact]
    public async Task AKudosRepublishesNoHomeItsOwnerNeverOpenedAndOpeningItShowsTheKudos()
    {
        using (await _app.OpenHomeAsync("U0001")) { }
        await _app.PublishedHomeAsync("U0001", DateTimeOffset.MinValue);
        var afterKudos = DateTimeOffset.UtcNow;
        await _app.AnswerAsync("U0001", "<@U0003> +10 thanks for picking up the overflow queue");

        // The giver, who opened their home, sees their allowance change; U0003 never opened theirs: nothing is sent.
        Assert.Contains("Left to give: 90 of 100 points", Said(await _app.PublishedHomeAsync("U0001", afterKudos)));
        await _app.Host.Services.GetRequiredService<SlackHomePublisher>().WhenIdleAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(_app.Slack.CallsTo("views.publish"), c => c.Arg("user_id") == "U0003");

        var opened = DateTimeOffset.UtcNow;
        using (await _app.OpenHomeAsync("U0003")) { }
        var home = await _app.PublishedHomeAsync("U0003", opened);
        Assert.Contains("Available: 10 points", Said(home));
        Assert.Contains("thanks for picking up the overflow queue", Said(home));
    }

    [Fact]
    public async Task ABurstOfChangesIsOnePublish()
    {
        // A debounce longer than two kudos take on a loaded machine.
        await using var app = await SlackAppDriver.StartAsync(new Dictionary<string, string?> { ["Slack:HomeDebounce"] = "00:00:05" });
        using (await app.OpenHomeAsync("U0002")) { }
        var publisher = app.Host.Services.GetRequiredService<SlackHomePublisher>();
        await publisher.WhenIdleAsync(TimeSpan.FromSeconds(30));
        var opened = Assert.Single(app.Slack.CallsTo("views.publish"), c => c.Arg("user_id") == "U0002");

        await app.AnswerAsync("U0001", "<@U0002> +1 thanks for the first one");
        await app.AnswerAsync("U0003", "<@U0002> +1 thanks for the second one");
        await publisher.WhenIdleAsync(TimeSpan.FromSeconds(30));

        var publish = Assert.Single(app.Slack.CallsTo("views.publish"), c => c.Arg("user_id") == "U0002" && c != opened);
        Assert.Contains("Available: 2 points", Said(publish.Json));
    }

    [Fact]
    public async Task TheComposeButtonInTheHomeOpensTheComposer()
    {
        var since = DateTimeOffset.UtcNow;
        await _app.ClickInHomeAsync("U0001", SlackActions.Id("compose"), "home");

        var view = await _app.OpenedViewAsync(since);
        Assert.Equal(SlackActions.ComposerModal, view.GetProperty("callback_id").GetString());
    }

    [Fact]
    public async Task AnApproversHomeShowsThePendingRequestAndApproveWorksFromIt()
    {
        await _app.AnswerAsync("U0009", "admin reward add \"Extra break\" 20");
        await _app.AnswerAsync("U0009", "admin approver add <@U0007>");
        await _app.AnswerAsync("U0001", "<@U0002> +30 thanks for the weekend cover");
        await _app.AnswerAsync("U0002", "redeem Extra break");

        var since = DateTimeOffset.UtcNow;
        using (await _app.OpenHomeAsync("U0002")) { }
        await _app.OpenHomeAsync("U0007");
        var home = await _app.PublishedHomeAsync("U0007", since);
        AssertValidHome("approver's home", home);
        Assert.Contains("Waiting for your decision", Said(home));
        Assert.Contains("Extra break", Said(home));
        var approve = Assert.Single(Buttons(home), b => b.GetProperty("action_id").GetString() == SlackActions.Id("approve"));
        Assert.Contains(Buttons(home), b => b.GetProperty("action_id").GetString() == SlackActions.Id("reject"));
        var redemption = approve.GetProperty("value").GetString()!;

        var afterClick = DateTimeOffset.UtcNow;
        var ack = await _app.ClickInHomeAsync("U0007", SlackActions.Id("approve"), redemption);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var balance = (await _app.BalanceAsync("U0002")).Balance;
        Assert.Equal((10, 0, 20), (balance.Available, balance.Held, balance.Spent));
        var redemptionNow = await _app.Host.Services.GetRequiredService<ILedger>()
            .GetRedemptionAsync(Workspace, redemption, CancellationToken.None);
        Assert.Equal(RedemptionState.Approved, redemptionNow!.State);
        // The approver's home comes back without the request; the requester's shows the points spent.
        var after = await _app.PublishedHomeAsync("U0007", afterClick, v => Said(v).Contains("Nothing is waiting for your decision"));
        Assert.DoesNotContain(Buttons(after), b => b.GetProperty("action_id").GetString() == SlackActions.Id("approve"));
        Assert.Contains("Available: 10 points", Said(await _app.PublishedHomeAsync("U0002", afterClick)));
    }

    [Fact]
    public async Task RedeemInTheHomeRequestsTheRewardAndAnswersInAModal()
    {
        await _app.AnswerAsync("U0009", "admin reward add \"Coffee\" 5 --no-approval");
        await _app.AnswerAsync("U0001", "<@U0002> +10 thanks for the cover");
        var since = DateTimeOffset.UtcNow;
        await _app.OpenHomeAsync("U0002");
        var home = await _app.PublishedHomeAsync("U0002", since);
        Assert.True(Buttons(home).Any(b => b.GetProperty("action_id").GetString() == SlackActions.Id("redeem")), home.GetRawText());
        var redeem = Assert.Single(Buttons(home), b => b.GetProperty("action_id").GetString() == SlackActions.Id("redeem"));

        var clicked = DateTimeOffset.UtcNow;
        await _app.ClickInHomeAsync("U0002", SlackActions.Id("redeem"), redeem.GetProperty("value").GetString()!, hash: "h1");
        await _app.ClickInHomeAsync("U0002", SlackActions.Id("redeem"), redeem.GetProperty("value").GetString()!, hash: "h1");

        var answer = await _app.OpenedViewAsync(clicked);
        SlackTypesCheck.AssertValid([new SlackPayload("answer modal", SlackSurface.Modal, answer.GetRawText())]);
        Assert.Contains("Coffee", Said(answer));
        // A double click on the same published home redeems once.
        Assert.Equal(5, (await _app.BalanceAsync("U0002")).Balance.Available);
    }
}
