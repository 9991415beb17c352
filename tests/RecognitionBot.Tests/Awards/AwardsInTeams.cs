using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RecognitionBot.Core.Awards;
using RecognitionBot.Core.Views;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Awards;

/// <summary>
/// Awards in Teams: a nomination typed in a channel is confirmed in the nominator's 1:1 chat only; the month's card
/// reaches the approver; "Choose as winner" opens a reward choice and its Action.Execute decides once.
/// </summary>
public sealed class AwardsInTeams : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly TeamsTestHost _host;
    private TeamsScenario _teams = null!;
    private readonly string _channel = NewChannel();

    public AwardsInTeams() =>
        _host = new TeamsTestHost(authenticated: true, new Dictionary<string, string?> { ["Digest:Interval"] = "1.00:00:00" }, clock: _clock);

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_host).InitializeAsync();
        _teams = new TeamsScenario(_host).WithRoster();
        using (await _teams.SendAsync(_teams.Event(ActivityTypes.InstallationUpdate, Ann, Personal(Ann), action: "add"))) { }
        await _teams.SayAsync(Ann, Channel(_channel, "100"), "admin approver add @mia");
        await _teams.SayAsync(Ann, Channel(_channel, "101"), "admin celebrations here");
        await _teams.SayAsync(Ann, Channel(_channel, "102"), "admin reward add \"Gift card\" 200 --stock 2");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    private static JsonElement ChooseAction(JsonElement card, string nearText)
    {
        foreach (var container in card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container"))
        {
            if (!container.AllText().Contains(nearText, StringComparison.Ordinal)) continue;
            foreach (var set in container.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "ActionSet"))
                return set.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "Action.ShowCard");
        }
        throw new InvalidOperationException($"No choice near {nearText}");
    }

    [Fact]
    public async Task ANominationInAChannelIsConfirmedPrivatelyAndTheChannelReadsNoName()
    {
        var before = _teams.Connector.Calls.Count;

        var reply = await _teams.SayAsync(Cat, Channel(_channel, "200"), "nominate @bob calm with every angry caller");

        Assert.DoesNotContain("Bob", reply.Body, StringComparison.Ordinal);
        var confirmation = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && IsPersonalChatOf(Cat, c.Path) && c.Body.Contains("You nominated"));
        Assert.Contains("Bob Builder", confirmation.Card().AllText(), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.DoesNotContain(_teams.Connector.Calls.Skip(before), c => IsPersonalChatOf(Bob, c.Path));
    }

    [Fact]
    public async Task TheApproverChoosesTheWinnerWithARewardOnceAndOthersAreRefused()
    {
        await _teams.SayAsync(Cat, Channel(_channel, "300"), "nominate @bob calm with every angry caller");
        await _teams.SayAsync(Dan, Channel(_channel, "301"), "nominate @bob covered my shift");
        var now = _clock.GetUtcNow();
        _clock.SetUtcNow(new DateTimeOffset(now.Year, now.Month, 1, 0, 5, 0, TimeSpan.Zero).AddMonths(1));
        await _host.Services.GetRequiredService<AwardPublisher>().PublishDueAsync(CancellationToken.None);

        var posted = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && IsPersonalChatOf(Mia, c.Path) && c.Body.Contains("Agent of the month"));
        var card = posted.Card();
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("calm with every angry caller", card.AllText(), StringComparison.Ordinal);
        var choose = ChooseAction(card, "Bob Builder");
        var inner = choose.GetProperty("card");
        var choices = inner.GetProperty("body")[0];
        var input = choices.GetProperty("id").GetString()!;
        var gift = choices.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("title").GetString() == "Gift card")
            .GetProperty("value").GetString()!;
        var execute = inner.GetProperty("actions")[0];
        var subject = execute.GetProperty("data").GetProperty(ViewVerbs.AwardId).GetString()!;
        Assert.Equal(ViewVerbs.ChoiceInputId(subject), input);
        Dictionary<string, string> data = new() { [ViewVerbs.AwardId] = subject, [input] = gift };

        var refused = await _teams.ClickAsync(_teams.CardAction(Cat, Personal(Cat), ViewVerbs.Award, data, replyToId: "award-1"));
        Assert.Contains("Only the workspace approvers", refused.GetRawText(), StringComparison.Ordinal);

        var chosen = await _teams.ClickAsync(_teams.CardAction(Mia, Personal(Mia), ViewVerbs.Award, data, replyToId: "award-1"));

        var decided = chosen.GetProperty("value");
        AdaptiveCardContract.AssertValid(decided);
        Assert.Contains("is the agent of the month", decided.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(ViewVerbs.Award, decided.GetRawText().Replace(ViewVerbs.AwardId, "", StringComparison.Ordinal), StringComparison.Ordinal);
        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("is our agent of the month"));
        Assert.Contains("Bob Builder", celebration.Card().AllText(), StringComparison.Ordinal);
        var won = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && IsPersonalChatOf(Bob, c.Path) && c.Body.Contains("Gift card"));
        AdaptiveCardContract.AssertValid(won.Card());
        Assert.Equal(1, (await _teams.Ledger.GetRewardsAsync(Workspace, CancellationToken.None)).Single().Stock);
        Assert.Equal(0, (await _teams.BalanceOf(Bob)).Spent);

        var again = await _teams.ClickAsync(_teams.CardAction(Mia, Personal(Mia), ViewVerbs.Award,
            new Dictionary<string, string> { [ViewVerbs.AwardId] = subject, [input] = ViewVerbs.NoReward }, replyToId: "award-2"));
        Assert.Contains("already chosen", again.GetRawText(), StringComparison.Ordinal);
        Assert.Single(_teams.Connector.Calls, c => c.Method == "POST" && c.Body.Contains("is our agent of the month"));
    }
}
