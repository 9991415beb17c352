using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Teams;

/// <summary>The outbound connector client against the fake connector, with real MSAL tokens from the fake token endpoint.</summary>
public sealed class ConnectorCalls(TeamsTestHost host) : IClassFixture<TeamsTestHost>
{
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1700000000000";
    private BotConnectorClient Client => host.Services.GetRequiredService<BotConnectorClient>();
    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task SendsWithABotFrameworkTokenFromTheBotsOwnTenant()
    {
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        var sent = await Client.SendAsync(host.Connector.ServiceUrl, conversation, Text("hi"), CancellationToken.None);

        Assert.StartsWith("activity-", sent.Id);
        var call = host.Connector.Calls.Single(c => c.Path.Contains(conversation));
        Assert.Equal("POST", call.Method);
        Assert.Equal($"Bearer {FakeTokenEndpoint.TokenFor(TeamsTestHost.BotTenant, "https://api.botframework.com/.default")}", call.Authorization);
        Assert.Equal("hi", call.Activity!.Text);
        Assert.Contains(host.Tokens.Requests, r => r.Tenant == TeamsTestHost.BotTenant && r.ClientId == TeamsTestHost.AppId
            && r.ClientSecret == TeamsTestHost.AppPassword && r.GrantType == "client_credentials");
    }

    [Fact]
    public async Task NeverSendsATokenOverPlainHttp()
    {
        var plain = host.Connector.ServiceUrl.Replace("https://", "http://");

        var error = await Assert.ThrowsAsync<BotConnectorException>(() => Client.SendAsync(plain, "a:plain", Text("hi"), CancellationToken.None));

        Assert.Equal("InsecureServiceUrl", error.Code);
        Assert.DoesNotContain(host.Connector.Calls, c => c.Path.Contains("a:plain"));
    }

    [Fact]
    public async Task CachesTheToken()
    {
        await Client.SendAsync(host.Connector.ServiceUrl, "a:cache-1", Text("one"), CancellationToken.None);
        var requests = host.Tokens.Requests.Count;
        await Client.SendAsync(host.Connector.ServiceUrl, "a:cache-2", Text("two"), CancellationToken.None);
        Assert.Equal(requests, host.Tokens.Requests.Count);
    }

    [Fact]
    public async Task EncodesConversationIdsInThePath()
    {
        await Client.ReplyAsync(host.Connector.ServiceUrl, ChannelThread, "1700000000000", Text("reply"), CancellationToken.None);
        var call = host.Connector.Calls.Last(c => c.Body.Contains("\"reply\""));
        Assert.Equal("/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1700000000000", call.RawTarget);
        Assert.Equal("1700000000000", call.Activity!.ReplyToId);
    }

    [Fact]
    public async Task UpdatesAMessageInPlaceWithPut()
    {
        var updated = await Client.UpdateAsync(host.Connector.ServiceUrl, "a:update", "activity-42", Text("decided"), CancellationToken.None);
        Assert.Equal("activity-42", updated.Id);
        var call = host.Connector.Calls.Last(c => c.Method == "PUT");
        Assert.EndsWith("/v3/conversations/a%3Aupdate/activities/activity-42", call.RawTarget);
        Assert.Equal("activity-42", call.Activity!.Id);
    }

    [Fact]
    public async Task WaitsForRetryAfterOn429ThenSucceeds()
    {
        var conversation = "a:throttled-" + Guid.NewGuid().ToString("N");
        host.Connector.FailNext(c => c.Path.Contains(conversation), 429, retryAfter: "1");

        var sent = await Client.SendAsync(host.Connector.ServiceUrl, conversation, Text("patience"), CancellationToken.None);

        Assert.NotNull(sent.Id);
        var calls = host.Connector.Calls.Where(c => c.Path.Contains(conversation)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {calls[1].At - calls[0].At}");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(500)]
    public async Task RetriesTransientFailures(int status)
    {
        var conversation = $"a:transient-{status}-" + Guid.NewGuid().ToString("N");
        host.Connector.FailNext(c => c.Path.Contains(conversation), status);
        host.Connector.FailNext(c => c.Path.Contains(conversation), status);

        await Client.SendAsync(host.Connector.ServiceUrl, conversation, Text("again"), CancellationToken.None);

        Assert.Equal(3, host.Connector.Calls.Count(c => c.Path.Contains(conversation)));
    }

    [Fact]
    public async Task GivesUpAfterTheLastAttemptAndSaysWhy()
    {
        var conversation = "a:down-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 4; i++) host.Connector.FailNext(c => c.Path.Contains(conversation), 503);

        var error = await Assert.ThrowsAsync<BotConnectorException>(() =>
            Client.SendAsync(host.Connector.ServiceUrl, conversation, Text("lost?"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.True(error.IsTransient);
        Assert.Equal(4, host.Connector.Calls.Count(c => c.Path.Contains(conversation)));
    }

    [Fact]
    public async Task DoesNotRetryARefusal()
    {
        var conversation = "a:blocked-" + Guid.NewGuid().ToString("N");
        host.Connector.FailNext(c => c.Path.Contains(conversation), 403,
            body: "{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"User blocked the conversation with the bot.\"}}");

        var error = await Assert.ThrowsAsync<BotConnectorException>(() =>
            Client.SendAsync(host.Connector.ServiceUrl, conversation, Text("hello?"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal("ConversationBlockedByUser", error.Code);
        Assert.False(error.IsTransient);
        Assert.Single(host.Connector.Calls, c => c.Path.Contains(conversation));
    }

    [Fact]
    public async Task DoesNotWaitLongerThanAllowedInLine()
    {
        var conversation = "a:long-throttle-" + Guid.NewGuid().ToString("N");
        host.Connector.FailNext(c => c.Path.Contains(conversation), 429, retryAfter: "3600");

        var error = await Assert.ThrowsAsync<BotConnectorException>(() =>
            Client.SendAsync(host.Connector.ServiceUrl, conversation, Text("later"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task OpensAPersonalConversationForProactiveMessages()
    {
        var created = await Client.CreatePersonalConversationAsync(
            host.Connector.ServiceUrl, TestActivities.BotId, "aad-bob", TestActivities.Tenant, CancellationToken.None);

        Assert.Equal("a:dm-aad-bob", created.Id);
        var body = host.Connector.Calls.Last(c => c.Method == "POST" && c.Path == "/amer/v3/conversations").Json;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal(TestActivities.BotId, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("aad-bob", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.False(body.GetProperty("members")[0].TryGetProperty("aadObjectId", out _));
        Assert.Equal(TestActivities.Tenant, body.GetProperty("tenantId").GetString());
        Assert.Equal(TestActivities.Tenant, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReadsTheRosterPageByPage()
    {
        for (var i = 0; i < 120; i++)
            host.Connector.AddMember(new TeamsChannelAccount { Id = $"29:roster-{i:D3}", Name = $"Agent {i}", ObjectId = $"aad-roster-{i:D3}" });

        var before = host.Connector.Calls.Count;
        var all = new List<TeamsChannelAccount>();
        await foreach (var member in Client.GetAllMembersAsync(host.Connector.ServiceUrl, ChannelThread, pageSize: 50)) all.Add(member);

        var pages = host.Connector.Calls.Skip(before).Where(c => c.Path.EndsWith("/pagedmembers")).ToList();
        Assert.True(pages.Count >= 3);
        Assert.Contains(pages, c => c.Query.Contains("continuationToken=50") && c.Query.Contains("pageSize=50"));
        Assert.Equal(120, all.Count(m => m.Id!.StartsWith("29:roster-")));
        Assert.All(all.Where(m => m.Id!.StartsWith("29:roster-")), m => Assert.StartsWith("aad-roster-", m.AadId));
    }

    [Fact]
    public async Task FindsOneMemberOrNobody()
    {
        host.Connector.AddMember(new TeamsChannelAccount { Id = "29:carla", Name = "Carla", ObjectId = "aad-carla", UserPrincipalName = "carla@contoso.com" });

        var carla = await Client.GetMemberAsync(host.Connector.ServiceUrl, ChannelThread, "29:carla", CancellationToken.None);
        var nobody = await Client.GetMemberAsync(host.Connector.ServiceUrl, ChannelThread, "29:nobody", CancellationToken.None);

        Assert.Equal("aad-carla", carla!.AadId);
        Assert.Null(nobody);
    }
}
