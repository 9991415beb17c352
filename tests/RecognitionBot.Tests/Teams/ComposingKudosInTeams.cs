using System.Net;
using System.Text.Json;
using RecognitionBot.Core.Views;
using RecognitionBot.Teams;
using RecognitionBot.Teams.Cards;
using RecognitionBot.Tests.Contracts;
using RecognitionBot.Tests.Teams.Fakes;
using static RecognitionBot.Tests.Teams.Fakes.TeamsScenario;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// The composer card in Teams: offered on <c>kudos</c> alone and by the welcome and help cards' button, its people
/// picker answered through <c>application/search</c>, and its submission given by the same core as the typed command,
/// celebrated where it was given.
/// </summary>
public sealed class ComposingKudosInTeams(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private readonly TeamsScenario _teams = new TeamsScenario(host).WithRoster();

    [Fact]
    public async Task KudosAloneInThePersonalChatAnswersWithTheComposer()
    {
        var reply = await _teams.SayAsync(Ann, Personal(Ann), "kudos");

        var card = reply.Card();
        AdaptiveCardContract.AssertValid(card);
        AssertComposer(card, verb: ViewVerbs.Give);
        Assert.Contains("left to give", card.AllText());
    }

    [Fact]
    public async Task TheHelpAndWelcomeCardsOpenTheComposerFromTheirButton()
    {
        var help = (await _teams.SayAsync(Bob, Personal(Bob), "help")).Card();
        AdaptiveCardContract.AssertValid(help);
        Assert.Contains(Actions(help), a => a.Verb == ViewVerbs.Compose && a.Title == "Give kudos");
        // Through the real bot, help says how Teams people call it (the Playground once showed Slack's "/kudos").
        Assert.DoesNotContain("/kudos", help.AllText());
        Assert.Contains("@Kudos", help.AllText());

        var eve = new TestUser($"29:eve{Guid.NewGuid():N}", Guid.NewGuid().ToString(), "Eve Evening");
        using (await _teams.SendAsync(_teams.Event(ActivityTypes.InstallationUpdate, eve, Personal(eve), action: "add"))) { }
        var welcome = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path.Contains(Personal(eve).Id!) && c.Body.Contains("Kudos is here"));
        AdaptiveCardContract.AssertValid(welcome.Card());
        Assert.Contains(Actions(welcome.Card()), a => a.Verb == ViewVerbs.Compose);

        var opened = await _teams.ClickAsync(_teams.CardAction(Bob, Personal(Bob), ViewVerbs.Compose, new Dictionary<string, string>(), replyToId: "help-1"));

        Assert.Equal("application/vnd.microsoft.card.adaptive", opened.GetProperty("type").GetString());
        AdaptiveCardContract.AssertValid(opened.GetProperty("value"));
        AssertComposer(opened.GetProperty("value"), verb: ViewVerbs.Give);
    }

    [Fact]
    public async Task SubmittingTheComposerGivesAndCelebratesInTheChannel()
    {
        var channel = NewChannel();
        var thread = Channel(channel, "7000");
        var (bob, cat) = (await _teams.BalanceOf(Bob), await _teams.BalanceOf(Cat));

        var answer = await _teams.ClickAsync(_teams.CardAction(Dan, thread, ViewVerbs.Give, new Dictionary<string, string>
        {
            [ComposerFields.Recipients] = $"{Bob.AadId},{Cat.AadId}",
            [ComposerFields.Points] = "6",
            [ComposerFields.Message] = "for rebuilding the knowledge base over the weekend",
            [ComposerFields.Private] = "false",
        }, replyToId: "composer-1"));

        var confirmation = answer.GetProperty("value");
        AdaptiveCardContract.AssertValid(confirmation);
        Assert.Contains("left to give", confirmation.AllText());
        Assert.Equal(bob.Earned + 6, (await _teams.BalanceOf(Bob)).Earned);
        Assert.Equal(cat.Earned + 6, (await _teams.BalanceOf(Cat)).Earned);
        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities");
        AdaptiveCardContract.AssertValid(celebration.Card());
        Assert.Contains("rebuilding the knowledge base", celebration.Card().AllText());
        Assert.Contains((Bob.AadId, "<at>Bob Builder</at>"), celebration.Card().Mentions());

        // The same click again (a double click) is one kudos.
        await _teams.ClickAsync(_teams.CardAction(Dan, thread, ViewVerbs.Give, new Dictionary<string, string>
        {
            [ComposerFields.Recipients] = $"{Bob.AadId},{Cat.AadId}",
            [ComposerFields.Points] = "6",
            [ComposerFields.Message] = "for rebuilding the knowledge base over the weekend",
            [ComposerFields.Private] = "false",
        }, replyToId: "composer-1"));
        Assert.Equal(bob.Earned + 6, (await _teams.BalanceOf(Bob)).Earned);
    }

    [Fact]
    public async Task ThePickerOffersThePeopleOfThatConversationOnly()
    {
        var chat = GroupChat($"19:{Guid.NewGuid():N}@thread.v2");
        var guest = new TeamsChannelAccount { Id = "29:gus", Name = "Gus Guest", ObjectId = Guid.NewGuid().ToString(), UserRole = "guest" };
        host.Connector.SetRoster(chat.Id!, Roster(Ann), Roster(Bob), Roster(Cat), guest);

        var everyone = await SearchAsync(Ann, chat, "");
        var typed = await SearchAsync(Ann, chat, "bo");

        // Not the asker, not Dan or Mia (not in this chat), not a guest (who cannot receive kudos).
        Assert.Equal([(Bob.Name, Bob.AadId), (Cat.Name, Cat.AadId)], everyone);
        Assert.Equal([(Bob.Name, Bob.AadId)], typed);
    }

    [Fact]
    public async Task InThePersonalChatThePickerSearchesTheDirectory()
    {
        host.Graph.AddUser(TestActivities.Tenant, Mia.AadId, Mia.Name, "mia@contoso.com");
        host.Graph.AddUser(TestActivities.Tenant, Ann.AadId, Ann.Name, "ann@contoso.com");

        var found = await SearchAsync(Ann, Personal(Ann), "mi");

        Assert.Equal([(Mia.Name, Mia.AadId)], found);
        Assert.Contains(host.Graph.Calls, c => c.Path == "/v1.0/users" && c.Query.Contains("displayName:mi"));
    }

    [Fact]
    public async Task TheMessageActionOpensTheComposerWithTheAuthorChosen()
    {
        var thread = Channel(NewChannel(), "8000");

        using var response = await _teams.SendAsync(_teams.Invoke(Ann, thread, InvokeNames.FetchTask, FetchTask(Cat, "8001")));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var task = body.RootElement.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        Assert.Equal("Give kudos", task.GetProperty("value").GetProperty("title").GetString());
        var attachment = task.GetProperty("value").GetProperty("card");
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        AdaptiveCardContract.AssertValid(card);
        AssertComposer(card, verb: null);
        var picker = Input(card, ComposerFields.Recipients);
        Assert.Equal(Cat.AadId, picker.GetProperty("value").GetString());
        Assert.Equal(Cat.Name, picker.GetProperty("choices")[0].GetProperty("title").GetString());
        Assert.Contains("this message", card.AllText());
    }

    [Fact]
    public async Task SubmittingTheMessageActionGivesAndTheCelebrationLinksTheMessage()
    {
        var channel = NewChannel();
        var thread = Channel(channel, "9000");
        var mia = await _teams.BalanceOf(Mia);
        var link = $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel)}/9001?tenantId={TestActivities.Tenant}";

        using var response = await _teams.SendAsync(_teams.Invoke(Bob, thread, InvokeNames.SubmitAction, new
        {
            commandId = MessageExtensionAction.GiveKudos,
            commandContext = "message",
            data = new Dictionary<string, string>
            {
                [ComposerFields.Recipients] = Mia.AadId,
                [ComposerFields.Points] = "3",
                [ComposerFields.Message] = "for the crystal-clear answer to that billing question",
                [ComposerCard.LinkKey] = link,
            },
        }));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var task = body.RootElement.GetProperty("task");
        Assert.Equal("message", task.GetProperty("type").GetString());
        Assert.Contains("Mia Manager", task.GetProperty("value").GetString());
        Assert.DoesNotContain("<at>", task.GetProperty("value").GetString());
        Assert.Equal(mia.Earned + 3, (await _teams.BalanceOf(Mia)).Earned);
        var celebration = await _teams.Connector.WaitForAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{channel}/activities");
        var card = celebration.Card();
        AdaptiveCardContract.AssertValid(card);
        Assert.Contains("crystal-clear answer", card.AllText());
        Assert.Contains($"[this message]({link})", card.AllText());
    }

    internal static object FetchTask(TestUser author, string messageId) => new
    {
        commandId = MessageExtensionAction.GiveKudos,
        commandContext = "message",
        context = new { theme = "default" },
        messagePayload = new
        {
            id = messageId,
            linkToMessage = $"https://teams.microsoft.com/l/message/19:x@thread.tacv2/{messageId}",
            body = new { contentType = "html", content = "<div>Fixed the routing rule for the night queue</div>" },
            from = new { user = new { id = author.AadId, displayName = author.Name, userIdentityType = "aadUser" }, application = (object?)null },
        },
    };

    private async Task<List<(string Title, string Value)>> SearchAsync(TestUser from, ConversationAccount conversation, string typed)
    {
        using var response = await _teams.SendAsync(_teams.Invoke(from, conversation, InvokeNames.Search,
            new { queryText = typed, queryOptions = new { skip = 0, top = 15 }, dataset = ComposerCard.PeopleDataset }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.search.searchResponse", body.RootElement.GetProperty("type").GetString());
        return [.. body.RootElement.GetProperty("value").GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("title").GetString()!, r.GetProperty("value").GetString()!))];
    }

    private static TeamsChannelAccount Roster(TestUser user) =>
        new() { Id = user.TeamsId, Name = user.Name, ObjectId = user.AadId, UserPrincipalName = user.Name.Split(' ')[0].ToLowerInvariant() + "@contoso.com" };

    /// <summary>A composer: every field by its core id, the picker asking the bot as the giver types, and its send button.</summary>
    internal static void AssertComposer(JsonElement card, string? verb)
    {
        var picker = Input(card, ComposerFields.Recipients);
        Assert.Equal("Input.ChoiceSet", picker.GetProperty("type").GetString());
        Assert.True(picker.GetProperty("isMultiSelect").GetBoolean());
        Assert.Equal("Data.Query", picker.GetProperty("choices.data").GetProperty("type").GetString());
        Assert.Equal(ComposerCard.PeopleDataset, picker.GetProperty("choices.data").GetProperty("dataset").GetString());
        Assert.Equal("Input.Number", Input(card, ComposerFields.Points).GetProperty("type").GetString());
        Assert.Equal("Input.Text", Input(card, ComposerFields.Message).GetProperty("type").GetString());
        Assert.Equal("Input.Toggle", Input(card, ComposerFields.Private).GetProperty("type").GetString());
        var send = card.GetProperty("actions")[0];
        if (verb is null) Assert.Equal("Action.Submit", send.GetProperty("type").GetString());
        else Assert.Equal(verb, send.GetProperty("verb").GetString());
    }

    internal static JsonElement Input(JsonElement card, string id) =>
        Elements(card).Single(e => e.TryGetProperty("id", out var i) && i.GetString() == id);

    internal static IEnumerable<JsonElement> Elements(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("type", out _)) yield return e;
            foreach (var p in e.EnumerateObject()) foreach (var x in Elements(p.Value)) yield return x;
        }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var i in e.EnumerateArray()) foreach (var x in Elements(i)) yield return x;
    }

    private static IEnumerable<(string? Verb, string? Title)> Actions(JsonElement card) =>
        Elements(card).Where(e => e.GetProperty("type").GetString() == "Action.Execute")
            .Select(a => (a.GetProperty("verb").GetString(), a.GetProperty("title").GetString()));
}
