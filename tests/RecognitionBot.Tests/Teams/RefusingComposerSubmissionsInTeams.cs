using System.Net;
using System.Text.Json;
using RecognitionBot.Core.Views;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.ComposingKudosInTeams;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// Composer submissions that must change nothing: a form with errors comes back with each error under its field and
/// what was entered kept; forged or foreign invokes of the new kinds are refused before the bot sees them. No kudos
/// is given here, so no outbox work runs while the partition is compared.
/// </summary>
public sealed class RefusingComposerSubmissionsInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private static readonly WorkspaceId Foreign = new(Platform.Teams, TeamsTestHost.ForeignTenant);
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    private static Dictionary<string, string> TooShort() => new()
    {
        [ComposerFields.Recipients] = Bob.AadId,
        [ComposerFields.Points] = "5",
        [ComposerFields.Message] = "ok",
        [ComposerFields.Private] = ComposerFields.PrivateOn,
    };

    [Fact]
    public async Task AnInvalidCardSubmissionShowsTheErrorUnderItsFieldAndChangesNothing()
    {
        var thread = Channel(NewChannel(), "100");
        // The first attempt meets the people involved (how to reach them); the second must leave every row as it was.
        await _teams.ClickAsync(_teams.CardAction(Ann, thread, ViewVerbs.Give, TooShort(), replyToId: "composer-1"));
        await Task.Delay(300);
        var before = await host.SnapshotAsync(Workspace);

        var answer = await _teams.ClickAsync(_teams.CardAction(Ann, thread, ViewVerbs.Give, TooShort(), replyToId: "composer-1"));

        await Task.Delay(300);
        Assert.Equal(before, await host.SnapshotAsync(Workspace));
        var card = answer.GetProperty("value");
        AdaptiveCardContract.AssertValid(card);
        AssertComposer(card, ViewVerbs.Give);
        // The error stands right under the message box, in attention colour; what was entered is still there.
        var body = card.GetProperty("body").EnumerateArray().ToList();
        var message = body.FindIndex(e => e.TryGetProperty("id", out var id) && id.GetString() == ComposerFields.Message);
        Assert.Equal("attention", body[message + 1].GetProperty("color").GetString());
        Assert.Contains("at least", body[message + 1].GetProperty("text").GetString());
        Assert.Equal("ok", Input(card, ComposerFields.Message).GetProperty("value").GetString());
        Assert.Equal(Bob.AadId, Input(card, ComposerFields.Recipients).GetProperty("value").GetString());
        Assert.Equal(ComposerFields.PrivateOn, Input(card, ComposerFields.Private).GetProperty("value").GetString());
    }

    [Fact]
    public async Task AnInvalidDialogSubmissionShowsTheDialogAgainAndChangesNothing()
    {
        var thread = Channel(NewChannel(), "200");
        Activity Submit() => _teams.Invoke(Cat, thread, InvokeNames.SubmitAction,
            new
            {
                commandId = MessageExtensionAction.GiveKudos,
                commandContext = "message",
                data = new Dictionary<string, string>
                {
                    [ComposerFields.Recipients] = "",
                    [ComposerFields.Points] = "5",
                    [ComposerFields.Message] = "for the patient walkthrough of the new CRM",
                }
            });
        using (await _teams.SendAsync(Submit())) { }
        await Task.Delay(300);
        var before = await host.SnapshotAsync(Workspace);

        using var response = await _teams.SendAsync(Submit());

        await Task.Delay(300);
        Assert.Equal(before, await host.SnapshotAsync(Workspace));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var task = json.RootElement.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        var card = task.GetProperty("value").GetProperty("card").GetProperty("content");
        AdaptiveCardContract.AssertValid(card);
        AssertComposer(card, verb: null);
        Assert.Contains("Choose at least one person", card.AllText());
        Assert.Equal("for the patient walkthrough of the new CRM", Input(card, ComposerFields.Message).GetProperty("value").GetString());
    }

    [Theory]
    [InlineData(InvokeNames.Search)]
    [InlineData(InvokeNames.FetchTask)]
    [InlineData(InvokeNames.SubmitAction)]
    [InlineData(InvokeNames.AdaptiveCardAction)]
    public async Task AForeignTenantsInvokeIsRefusedAndWritesNothing(string name)
    {
        var submitted = new Dictionary<string, string>
        {
            [ComposerFields.Recipients] = Bob.AadId,
            [ComposerFields.Points] = "10",
            [ComposerFields.Message] = "for covering my whole shift",
        };
        object value = name switch
        {
            InvokeNames.Search => new { queryText = "b", dataset = "people" },
            InvokeNames.FetchTask => FetchTask(Bob, "1"),
            InvokeNames.SubmitAction => new { commandId = MessageExtensionAction.GiveKudos, commandContext = "message", data = submitted },
            _ => new { action = new { type = "Action.Execute", verb = ViewVerbs.Give, data = submitted }, trigger = "manual" },
        };
        var invoke = _teams.Invoke(Ann, Channel(NewChannel(), "1"), name, value, tenant: TeamsTestHost.ForeignTenant);
        var before = await host.SnapshotAsync(Workspace, Foreign);
        var calls = host.Connector.Calls.Count;

        using var foreign = await host.PostActivityAsync(invoke);
        using var forged = await host.PostActivityAsync(invoke with
        {
            Conversation = invoke.Conversation! with { TenantId = TestActivities.Tenant },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(TestActivities.Tenant) }
        }, token: "forged.token.value");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        await Task.Delay(300);
        Assert.Equal(before, await host.SnapshotAsync(Workspace, Foreign));
        Assert.Equal(calls, host.Connector.Calls.Count);
    }
}
