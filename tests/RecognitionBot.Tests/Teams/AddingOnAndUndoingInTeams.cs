using System.Text.Json;
using RecognitionBot.Core.Views;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// "+ Add on" on a celebration card and Undo on the private confirmation, clicked as Action.Execute invokes: the
/// ledger changes, and the posted celebration (and DMs) are updated in place through the connector for everyone.
/// </summary>
public sealed class AddingOnAndUndoingInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    /// <summary>Ann recognises Bob in a fresh channel; returns the channel, the celebration card and the private confirmation card.</summary>
    private async Task<(string Channel, JsonElement Celebration, JsonElement Confirmation)> GiveAsync(string message)
    {
        var channel = NewChannel();
        using (await _teams.SendAsync(_teams.Message(Ann, Channel(channel, "2000"), $"kudos @bob +10 {message}"))) { }
        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities");
        var confirmation = _teams.Connector.Calls.Single(c => c.Method == "POST" && IsPersonalChatOf(Ann, c.Path) && c.Body.Contains(message));
        await _teams.Connector.WaitForAsync(c => c.Method == "POST" && IsPersonalChatOf(Bob, c.Path) && c.Body.Contains(message));
        // Where the posts went is recorded right after they are made.
        await Task.Delay(300);
        return (channel, celebration.Card(), confirmation.Card());
    }

    [Fact]
    public async Task AThirdPersonsAddOnUpdatesTheCelebrationActivityForEveryoneAndBothBalances()
    {
        var bob = await _teams.BalanceOf(Bob);
        var (channel, celebration, _) = await GiveAsync("for the calm on the outage bridge");
        AdaptiveCardContract.AssertValid(celebration);
        var (verb, data) = ExecuteIn(celebration, ViewVerbs.AddOn);
        var dan = await _teams.Ledger.GetBalanceAsync(Workspace, Dan.Member, new(), CancellationToken.None);

        var seen = await _teams.ClickAsync(_teams.CardAction(Dan, Channel(channel, "2000"), verb, new Dictionary<string, string>(data)
        {
            [ViewVerbs.Points] = "7",
        }));

        var shown = seen.GetProperty("value");
        AdaptiveCardContract.AssertValid(shown);
        Assert.Contains("got 7 more points from you", shown.AllText());
        var update = await _teams.Connector.WaitForAsync(c => c.Method == "PUT" && c.Path.StartsWith($"/amer/v3/conversations/{channel}/activities/",
            StringComparison.Ordinal));
        AdaptiveCardContract.AssertValid(update.Card());
        Assert.Contains("+7 from", update.Card().AllText());
        Assert.Contains((Dan.AadId, "<at>Dan Dispatcher</at>"), update.Card().Mentions());
        Assert.Equal(bob.Earned + 17, (await _teams.BalanceOf(Bob)).Earned);
        Assert.Equal(dan.Allowance.Left - 7, (await _teams.Ledger.GetBalanceAsync(Workspace, Dan.Member, new(), CancellationToken.None)).Allowance.Left);
        var dm = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && IsPersonalChatOf(Bob, c.Path) && c.Body.Contains("added 7 points"));
        AdaptiveCardContract.AssertValid(dm.Card());
    }

    [Fact]
    public async Task TheGiversAddOnIsRefusedBesideTheCardAndChangesNothing()
    {
        var (channel, celebration, _) = await GiveAsync("for covering the late queue");
        var (verb, data) = ExecuteIn(celebration, ViewVerbs.AddOn);
        var bob = await _teams.BalanceOf(Bob);

        var seen = await _teams.ClickAsync(_teams.CardAction(Ann, Channel(channel, "2000"), verb, new Dictionary<string, string>(data)
        {
            [ViewVerbs.Points] = "5",
        }));

        Assert.Equal("application/vnd.microsoft.activity.message", seen.GetProperty("type").GetString());
        Assert.Contains("your own kudos", seen.GetProperty("value").GetString());
        Assert.Equal(bob, await _teams.BalanceOf(Bob));
        await Task.Delay(300);
        Assert.DoesNotContain(_teams.Connector.Calls, c => c.Method == "PUT" && c.Path.Contains(channel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UndoOnThePrivateConfirmationReversesTheKudosAndMarksTheCelebrationWithdrawn()
    {
        var bob = await _teams.BalanceOf(Bob);
        var (channel, _, confirmation) = await GiveAsync("for the patience with the angry caller");
        AdaptiveCardContract.AssertValid(confirmation);
        var (verb, data) = ExecuteIn(confirmation, ViewVerbs.Undo);

        var seen = await _teams.ClickAsync(_teams.CardAction(Ann, Personal(Ann), verb, data));

        AdaptiveCardContract.AssertValid(seen.GetProperty("value"));
        Assert.Contains("Undone", seen.GetProperty("value").AllText());
        Assert.Equal(bob.Earned, (await _teams.BalanceOf(Bob)).Earned);
        var update = await _teams.Connector.WaitForAsync(c => c.Method == "PUT" && c.Path.StartsWith($"/amer/v3/conversations/{channel}/activities/",
            StringComparison.Ordinal));
        AdaptiveCardContract.AssertValid(update.Card());
        Assert.Contains("withdrawn by", update.Card().AllText());
        Assert.DoesNotContain("angry caller", update.Card().AllText());
        await _teams.Connector.WaitForAsync(c => c.Method == "PUT" && IsPersonalChatOf(Bob, c.Path) && c.Body.Contains("withdrawn by"));

        // Someone else clicking the same button is refused beside the card.
        var other = await _teams.ClickAsync(_teams.CardAction(Cat, Personal(Cat), verb, data));
        Assert.Contains("Only the person who gave a kudos can undo it", other.GetProperty("value").GetString());
    }

    /// <summary>The verb and data of the Action.Execute for <paramref name="verb"/> in a card, looking inside Action.ShowCard too.</summary>
    private static (string Verb, IReadOnlyDictionary<string, string> Data) ExecuteIn(JsonElement card, string verb)
    {
        foreach (var action in Actions(card))
            if (action.GetProperty("type").GetString() == "Action.Execute" && action.GetProperty("verb").GetString() == verb)
                return (verb, action.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
        throw new InvalidOperationException($"No {verb} button in {card}");
    }

    private static IEnumerable<JsonElement> Actions(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "actions" && p.Value.ValueKind == JsonValueKind.Array)
                    foreach (var a in p.Value.EnumerateArray()) yield return a;
                foreach (var inner in Actions(p.Value)) yield return inner;
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var i in e.EnumerateArray())
                foreach (var inner in Actions(i)) yield return inner;
    }
}
