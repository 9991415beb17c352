using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Contract;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Slack.EndToEnd;

/// <summary>
/// The composer modal through the real pipeline: <c>/kudos</c> alone and the shortcuts open it with <c>views.open</c>,
/// its submission gives through the core's give handler, and what is wrong comes back on its field with nothing written.
/// </summary>
public sealed class ComposingKudosInSlack : IAsyncLifetime
{
    private SlackAppDriver _app = null!;

    public async Task InitializeAsync() => _app = await SlackAppDriver.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> OpenWithCommandAsync(string user, string channel = Channel)
    {
        var since = DateTimeOffset.UtcNow;
        var trigger = $"trig-{Guid.NewGuid():N}";
        var response = await _app.Host.CommandAsync("", user, channel, Team, trigger);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Nothing to say: the modal is the answer (a cold host may have said "one moment" first, and opens it right after).
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0) Assert.Equal(SlackTexts.Get(SlackTexts.Working), JsonDocument.Parse(body).RootElement.GetProperty("text").GetString());
        var call = await _app.Slack.WaitForCallAsync("views.open", c => c.At >= since);
        Assert.Equal(trigger, call.Arg("trigger_id"));
        Assert.Equal(SlackTestHost.BotToken, call.Token);
        return call.Json.GetProperty("view").Clone();
    }

    private static void AssertValidModal(string name, JsonElement view) =>
        SlackTypesCheck.AssertValid([new SlackPayload(name, SlackSurface.Modal, view.GetRawText())]);

    private static JsonElement Block(JsonElement view, string blockId) =>
        view.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == blockId);

    [Fact]
    public async Task KudosAloneOpensTheModalAndItsSubmissionGivesAndCelebrates()
    {
        var view = await OpenWithCommandAsync("U0001");
        AssertValidModal("composer from /kudos", view);
        Assert.Equal(SlackActions.ComposerModal, view.GetProperty("callback_id").GetString());
        Assert.Equal("multi_users_select", Block(view, "recipients").GetProperty("element").GetProperty("type").GetString());
        Assert.Equal("100", Block(view, "points").GetProperty("element").GetProperty("max_value").GetString());
        Assert.Contains("#customer-first", Said(Block(view, "values")));
        Assert.Contains("100 of 100", Said(view));

        var ack = await _app.SubmitComposerAsync("U0001", view, ["U0002", "U0003"], "7", ["#empathy"], "thanks for covering the late shift");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        Assert.Equal(7, (await _app.BalanceAsync("U0002")).Balance.Available);
        Assert.Equal(7, (await _app.BalanceAsync("U0003")).Balance.Available);
        Assert.Equal(86, (await _app.BalanceAsync("U0001")).Allowance.Left);
        var celebration = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);
        Assert.Contains("<@U0001>", Said(celebration.Json));
        Assert.Contains("<@U0002>", Said(celebration.Json));
        Assert.Contains("thanks for covering the late shift", Said(celebration.Json));
        Assert.Contains("#empathy", Said(celebration.Json));
        // The giver's confirmation, with the allowance left, only to them.
        var confirmation = await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Arg("user") == "U0001");
        Assert.Contains("86", Said(confirmation.Json));
    }

    [Fact]
    public async Task AnInvalidSubmissionReturnsFieldErrorsAndChangesNothing()
    {
        var view = await OpenWithCommandAsync("U0001");
        var before = await _app.RowsAsync();

        var ack = await _app.SubmitComposerAsync("U0001", view, [], "lots", [], "ok");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var body = JsonDocument.Parse(await ack.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        var errors = body.GetProperty("errors");
        Assert.Equal("Choose at least one person.", errors.GetProperty("recipients").GetString());
        Assert.Contains("between 1 and 100", errors.GetProperty("points").GetString());
        Assert.Contains("at least 3 characters", errors.GetProperty("message").GetString());
        SlackTypesCheck.AssertValid([new SlackPayload("composer errors", SlackSurface.ViewErrors, body.GetRawText())]);
        Assert.Equal(before, await _app.RowsAsync());

        // Yourself is refused by the typed command's own rule, on the picker.
        var self = await _app.SubmitComposerAsync("U0001", view, ["U0001"], "5", [], "thanks me for the hard work");
        var selfErrors = JsonDocument.Parse(await self.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("can't recognise yourself", selfErrors.GetProperty("recipients").GetString());
        Assert.Equal(before, await _app.RowsAsync());
        Assert.Empty(_app.PostsTo(Channel));
    }

    [Fact]
    public async Task ALedgerRefusalComesBackOnItsFieldInTheReadersLanguage()
    {
        _app.Slack.AddUser("U0004", locale: "it-IT");
        await _app.AnswerAsync("U0009", "admin allowance 20");
        var view = await OpenWithCommandAsync("U0004");
        Assert.Equal("Dai un kudos", view.GetProperty("title").GetProperty("text").GetString());
        var before = await _app.RowsAsync();

        var ack = await _app.SubmitComposerAsync("U0004", view, ["U0002", "U0003"], "15", [], "grazie per l'aiuto con la coda");

        var errors = JsonDocument.Parse(await ack.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["points"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("Ti restano 20 punti", errors.GetProperty("points").GetString());
        Assert.Equal(before, await _app.RowsAsync());
    }

    [Fact]
    public async Task TheGlobalShortcutOpensTheModalWithNobodyChosen()
    {
        var since = DateTimeOffset.UtcNow;
        var ack = await _app.ShortcutAsync("U0001", SlackActions.GiveShortcut);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var view = await _app.OpenedViewAsync(since);
        AssertValidModal("composer from the global shortcut", view);
        Assert.False(Block(view, "recipients").GetProperty("element").TryGetProperty("initial_users", out _));
    }

    [Fact]
    public async Task TheMessageShortcutChoosesTheAuthorAndTheCelebrationLinksTheMessage()
    {
        var since = DateTimeOffset.UtcNow;
        await _app.ShortcutAsync("U0001", SlackActions.GiveForMessageShortcut, channel: "C0002", author: "U0003", messageTs: "1712000100.000200");

        var view = await _app.OpenedViewAsync(since);
        AssertValidModal("composer from a message", view);
        Assert.Equal(["U0003"], Block(view, "recipients").GetProperty("element").GetProperty("initial_users").EnumerateArray().Select(u => u.GetString()));
        var permalink = "https://acme.slack.com/archives/C0002/p1712000100000200";
        Assert.Equal("1712000100.000200", _app.Slack.CallsTo("chat.getPermalink").Single().Arg("message_ts"));
        Assert.Contains(permalink, Said(view));

        await _app.SubmitComposerAsync("U0001", view, ["U0003"], "5", [], "you turned that customer around");

        var celebration = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C0002");
        Assert.Contains($"<{permalink}|this message>", Said(celebration.Json));
        Assert.Contains("<@U0003>", Said(celebration.Json));
        Assert.Equal(5, (await _app.BalanceAsync("U0003")).Balance.Available);
    }

    [Fact]
    public async Task WithoutAPermalinkFromSlackTheLinkIsBuiltFromTheTeamDomain()
    {
        _app.Slack.Script("chat.getPermalink", FakeResponse.Error("internal_error"));
        var since = DateTimeOffset.UtcNow;
        await _app.ShortcutAsync("U0001", SlackActions.GiveForMessageShortcut, channel: "C0002", author: "U0003", messageTs: "1712000100.000300");

        Assert.Contains("https://acme.slack.com/archives/C0002/p1712000100000300", Said(await _app.OpenedViewAsync(since)));
    }

    [Fact]
    public async Task ABotsMessageOpensTheModalWithNobodyChosen()
    {
        var since = DateTimeOffset.UtcNow;
        await _app.ShortcutAsync("U0001", SlackActions.GiveForMessageShortcut, channel: "C0002", author: null);

        var view = await _app.OpenedViewAsync(since);
        Assert.False(Block(view, "recipients").GetProperty("element").TryGetProperty("initial_users", out _));
    }

    [Fact]
    public async Task ForgedSignaturesOnTheNewPayloadsAreRefusedAndWriteNothing()
    {
        var view = await OpenWithCommandAsync("U0001");
        var before = await _app.RowsAsync();
        var opened = _app.Slack.CallsTo("views.open").Count;
        var submission = new Dictionary<string, string>
        {
            ["payload"] = new JsonObject
            {
                ["type"] = "view_submission",
                ["user"] = new JsonObject { ["id"] = "U0001", ["team_id"] = Team },
                ["team"] = new JsonObject { ["id"] = Team },
                ["view"] = new JsonObject
                {
                    ["id"] = "VFORGED",
                    ["callback_id"] = SlackActions.ComposerModal,
                    ["private_metadata"] = view.GetProperty("private_metadata").GetString(),
                    ["state"] = new JsonObject
                    {
                        ["values"] = new JsonObject
                        {
                            ["recipients"] = new JsonObject
                            {
                                ["recipients"] = new JsonObject { ["type"] = "multi_users_select", ["selected_users"] = new JsonArray("U0002") },
                            },
                            ["message"] = new JsonObject
                            {
                                ["message"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "forged kudos for free" },
                            },
                        },
                    },
                },
            }.ToJsonString(),
        };
        var shortcut = new Dictionary<string, string>
        {
            ["payload"] = new JsonObject
            {
                ["type"] = "shortcut",
                ["callback_id"] = SlackActions.GiveShortcut,
                ["trigger_id"] = "t1",
                ["user"] = new JsonObject { ["id"] = "U0001", ["team_id"] = Team },
                ["team"] = new JsonObject { ["id"] = Team },
            }.ToJsonString(),
        };

        var forgedSubmission = await _app.Host.PostFormAsync("/slack/interactions", submission, secret: "not-the-secret");
        var forgedShortcut = await _app.Host.PostFormAsync("/slack/interactions", shortcut, secret: "not-the-secret");
        var staleShortcut = await _app.Host.PostFormAsync("/slack/interactions", shortcut,
            timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var forgedHome = await _app.OpenHomeAsync("U0001", secret: "not-the-secret");
        await _app.FollowUpsDoneAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, forgedSubmission.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedShortcut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staleShortcut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedHome.StatusCode);
        Assert.Equal(before, await _app.RowsAsync());
        Assert.Equal(opened, _app.Slack.CallsTo("views.open").Count);
        Assert.Empty(_app.Slack.CallsTo("views.publish"));
        Assert.Equal(0, (await _app.BalanceAsync("U0002")).Balance.Earned);
    }
}
