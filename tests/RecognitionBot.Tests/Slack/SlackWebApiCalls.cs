using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;

namespace RecognitionBot.Tests.Slack;

public sealed class SlackWebApiCalls : IAsyncLifetime
{
    private FakeSlackServer _slack = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private SlackApiClient Client(int maxAttempts = 4, TimeSpan? maxRetryAfter = null, TimeSpan? retryBase = null) =>
        new(Factory(), Options.Create(new SlackOptions
        {
            ApiBaseUrl = _slack.ApiBaseUrl,
            MaxAttempts = maxAttempts,
            RetryBaseDelay = retryBase ?? TimeSpan.FromMilliseconds(20),
            MaxRetryAfter = maxRetryAfter ?? TimeSpan.FromSeconds(30),
        }), TimeProvider.System, NullLogger<SlackApiClient>.Instance);

    private IHttpClientFactory Factory()
    {
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(SlackApiClient.HttpClientName)).Returns(_http);
        return factory.Object;
    }

    [Fact]
    public async Task SendsEachWorkspacesOwnBearerToken()
    {
        var client = Client();
        await client.PostMessageAsync("xoxb-workspace-a", "C1", new SlackMessage("hi"));
        await client.PostMessageAsync("xoxb-workspace-b", "C2", new SlackMessage("hi"));

        Assert.Equal(["xoxb-workspace-a", "xoxb-workspace-b"], _slack.CallsTo("chat.postMessage").Select(c => c.Token));
    }

    [Fact]
    public async Task PostsMessagesAsJsonWithBlocksAndReturnsChannelAndTs()
    {
        var posted = await Client().PostMessageAsync("xoxb-t", "C1", new SlackMessage("fallback", [new SectionBlock(new Mrkdwn("*hello*"))]));

        var call = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.True(call.IsJson);
        Assert.Equal("C1", call.Json.GetProperty("channel").GetString());
        Assert.Equal("fallback", call.Json.GetProperty("text").GetString());
        var block = call.Json.GetProperty("blocks")[0];
        Assert.Equal("section", block.GetProperty("type").GetString());
        Assert.Equal("mrkdwn", block.GetProperty("text").GetProperty("type").GetString());
        Assert.False(call.Json.GetProperty("unfurl_links").GetBoolean());
        Assert.Equal("C1", posted.Channel);
        Assert.False(string.IsNullOrEmpty(posted.Ts));
    }

    [Fact]
    public async Task UpdatesAMessageInPlaceByChannelAndTs()
    {
        await Client().UpdateMessageAsync("xoxb-t", "C9", "1700000000.000100", new SlackMessage("approved", [new DividerBlock()]));

        var call = Assert.Single(_slack.CallsTo("chat.update"));
        Assert.Equal(("C9", "1700000000.000100"), (call.Arg("channel"), call.Arg("ts")));
    }

    [Fact]
    public async Task PostsEphemeralToOneUser()
    {
        await Client().PostEphemeralAsync("xoxb-t", "C1", "U7", new SlackMessage("only you"));

        var call = Assert.Single(_slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(("C1", "U7", "only you"), (call.Arg("channel"), call.Arg("user"), call.Arg("text")));
    }

    [Fact]
    public async Task OpensADirectMessageChannel()
    {
        var channel = await Client().OpenConversationAsync("xoxb-t", ["U42"]);

        Assert.Equal("DU42", channel);
        Assert.Equal("U42", _slack.CallsTo("conversations.open").Single().Arg("users"));
    }

    [Fact]
    public async Task ReadsUsersWithTheirLocale()
    {
        _slack.AddUser("U1", locale: "it-IT", isAdmin: true);
        _slack.AddUser("B1", isBot: true);

        var client = Client();
        var person = await client.UserInfoAsync("xoxb-t", "U1");
        var bot = await client.UserInfoAsync("xoxb-t", "B1");

        Assert.Equal("true", _slack.CallsTo("users.info").First().Arg("include_locale"));
        Assert.Equal(("it-IT", true, true), (person.Locale, person.IsAdmin, person.IsPerson));
        Assert.False(bot.IsPerson);
    }

    [Fact]
    public async Task ReadsEveryPageOfChannelMembers()
    {
        var members = Enumerable.Range(1, 1234).Select(i => $"U{i:D5}").ToArray();
        _slack.ChannelMembers["C1"] = members;

        var read = await Client().ConversationMembersAsync("xoxb-t", "C1");

        Assert.Equal(members, read);
        Assert.Equal(3, _slack.CallsTo("conversations.members").Count);
    }

    [Fact]
    public async Task ExpandsAUserGroup()
    {
        _slack.UserGroups["S1"] = ["U1", "U2"];

        Assert.Equal(["U1", "U2"], await Client().UserGroupMembersAsync("xoxb-t", "S1"));
    }

    [Fact]
    public async Task OpensAModalWithTheTriggerId()
    {
        var view = new ModalView(
            new PlainText("Reject"), [new InputBlock(new PlainText("Reason"), new PlainTextInputElement("reason"))], new PlainText("Reject"))
        {
            CallbackId = "reject",
            PrivateMetadata = "r1",
        };

        var id = await Client().OpenViewAsync("xoxb-t", "trigger-1", view);

        var call = Assert.Single(_slack.CallsTo("views.open"));
        Assert.Equal("trigger-1", call.Arg("trigger_id"));
        Assert.Equal("modal", call.Json.GetProperty("view").GetProperty("type").GetString());
        Assert.StartsWith("V", id);
    }

    [Fact]
    public async Task ExchangesAnInstallCodeWithTheAppCredentialsAsBasicAuth()
    {
        _slack.OAuthCodes["code-1"] = new JsonObject
        {
            ["access_token"] = "xoxb-new",
            ["token_type"] = "bot",
            ["scope"] = "commands,chat:write",
            ["bot_user_id"] = "UBOT",
            ["app_id"] = "A1",
            ["team"] = new JsonObject { ["id"] = "T9", ["name"] = "Acme" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["authed_user"] = new JsonObject { ["id"] = "U1" },
        };

        var access = await Client().OAuthAccessAsync("client-id", "client-secret", "code-1", "https://bot.example/slack/oauth/callback");

        var call = Assert.Single(_slack.CallsTo("oauth.v2.access"));
        Assert.Equal("client-id:client-secret", call.BasicCredentials);
        Assert.Null(call.Token);
        Assert.DoesNotContain("client-secret", call.Body);
        Assert.Equal(("xoxb-new", "T9", "Acme", "UBOT"), (access.AccessToken, access.Team!.Id, access.Team.Name, access.BotUserId));
    }

    [Fact]
    public async Task OpensASocketModeConnectionWithTheAppToken()
    {
        var url = await Client().OpenConnectionAsync("xapp-1");

        Assert.Equal("ws", url.Scheme);
        Assert.Equal("xapp-1", _slack.CallsTo("apps.connections.open").Single().Token);
    }

    [Fact]
    public async Task AnswersThroughAResponseUrlOnSlacksOwnHost()
    {
        await Client().RespondAsync(new Uri(_slack.BaseUrl, "api/response_url.U1"), new SlackMessage("only you"), replaceOriginal: true);

        var call = Assert.Single(_slack.CallsTo("response_url.U1"));
        Assert.Null(call.Token);
        Assert.Equal(("ephemeral", "true", "only you"), (call.Arg("response_type"), call.Arg("replace_original"), call.Arg("text")));
    }

    [Theory]
    [InlineData("https://attacker.example/hook")]
    [InlineData("http://169.254.169.254/metadata")]
    [InlineData("file:///etc/passwd")]
    public async Task RefusesAResponseUrlOutsideSlack(string url)
    {
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client().RespondAsync(new Uri(url), new SlackMessage("x"), replaceOriginal: false));

        Assert.Equal("untrusted_response_url", e.Error);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task TurnsOkFalseIntoAnErrorWithSlacksCode()
    {
        _slack.Script("chat.postMessage", FakeResponse.Error("channel_not_found"));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("xoxb-t", "C404", new SlackMessage("x")));

        Assert.Equal(("chat.postMessage", "channel_not_found", false), (e.Method, e.Error, e.IsTransient));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task WaitsOutRetryAfterThenSucceeds()
    {
        _slack.Script("chat.postMessage", FakeResponse.RateLimited(1));

        var watch = Stopwatch.StartNew();
        await Client().PostMessageAsync("xoxb-t", "C1", new SlackMessage("x"));

        var calls = _slack.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {calls[1].At - calls[0].At}");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task GivesUpAtOnceWhenRetryAfterIsLongerThanItMayWait()
    {
        _slack.Script("chat.postMessage", FakeResponse.RateLimited(120));

        var e = await Assert.ThrowsAsync<SlackApiException>(
            () => Client(maxRetryAfter: TimeSpan.FromSeconds(5)).PostMessageAsync("xoxb-t", "C1", new SlackMessage("x")));

        Assert.Equal(("ratelimited", TimeSpan.FromSeconds(120), true), (e.Error, e.RetryAfter, e.IsTransient));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task RetriesServerErrorsWithGrowingPauses()
    {
        _slack.Script("chat.postMessage", FakeResponse.ServerError(503), FakeResponse.ServerError(500));

        await Client(retryBase: TimeSpan.FromMilliseconds(200)).PostMessageAsync("xoxb-t", "C1", new SlackMessage("x"));

        var calls = _slack.CallsTo("chat.postMessage");
        Assert.Equal(3, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(190), $"first pause {calls[1].At - calls[0].At}");
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromMilliseconds(390), $"second pause {calls[2].At - calls[1].At}");
    }

    [Fact]
    public async Task StopsRetryingAfterTheLastAttempt()
    {
        _slack.Script("chat.postMessage", FakeResponse.ServerError(), FakeResponse.ServerError(), FakeResponse.ServerError());

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client(maxAttempts: 3).PostMessageAsync("xoxb-t", "C1", new SlackMessage("x")));

        Assert.Equal(("http_503", true), (e.Error, e.IsTransient));
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task DoesNotRetryAClientError()
    {
        _slack.Script("chat.postMessage", new FakeResponse(404, "no such method"));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("xoxb-t", "C1", new SlackMessage("x")));

        Assert.Equal(("http_404", false), (e.Error, e.IsTransient));
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }
}
