using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Teams;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>A person in the test tenant, as Teams (29: id) and Entra (AAD object id) know them.</summary>
public sealed record TestUser(string TeamsId, string AadId, string Name)
{
    public MemberId Member => new(AadId);
    public ChannelAccount Account => new() { Id = TeamsId, Name = Name, AadObjectId = AadId };
}

/// <summary>
/// A Teams tenant talking to the bot: people on the roster, a team channel, a group chat and personal chats.
/// Messages are written with @handles ("kudos @bob +10 thanks") and sent as Teams does: &lt;at&gt; text plus mention entities.
/// </summary>
public sealed class TeamsScenario(TeamsTestHost host)
{
    public static readonly TestUser Ann = new("29:ann", "7d0d2b0e-0a55-4a9f-9d7e-aa0000000001", "Ann Agent");
    public static readonly TestUser Bob = new("29:bob", "7d0d2b0e-0a55-4a9f-9d7e-aa0000000002", "Bob Builder");
    public static readonly TestUser Cat = new("29:cat", "7d0d2b0e-0a55-4a9f-9d7e-aa0000000003", "Cat Caller");
    public static readonly TestUser Dan = new("29:dan", "7d0d2b0e-0a55-4a9f-9d7e-aa0000000004", "Dan Dispatcher");
    public static readonly TestUser Mia = new("29:mia", "7d0d2b0e-0a55-4a9f-9d7e-aa0000000005", "Mia Manager");
    public static readonly TestUser Stranger = new("29:stranger", "7d0d2b0e-0a55-4a9f-9d7e-aa0000000099", "Sam Stranger");
    public static readonly TestUser[] Everyone = [Ann, Bob, Cat, Dan, Mia];
    public static readonly ChannelAccount Bot = new() { Id = TestActivities.BotId, Name = "Kudos" };

    public const string TeamId = "19:team-general@thread.tacv2";
    public static readonly WorkspaceId Workspace = new(Platform.Teams, TestActivities.Tenant);

    public TeamsTestHost Host => host;
    public FakeConnector Connector => host.Connector;
    public ILedger Ledger => host.Services.GetRequiredService<ILedger>();

    /// <summary>Puts everyone on the roster the connector answers from.</summary>
    public TeamsScenario WithRoster()
    {
        foreach (var user in Everyone)
            host.Connector.AddMember(
                new TeamsChannelAccount
                {
                    Id = user.TeamsId,
                    Name = user.Name,
                    ObjectId = user.AadId,
                    UserPrincipalName = user.Name.Split(' ')[0].ToLowerInvariant() + "@contoso.com"
                });
        return this;
    }

    /// <summary>A fresh channel of the team, so tests in one class never read each other's posts.</summary>
    public static string NewChannel() => $"19:{Guid.NewGuid():N}@thread.tacv2";

    public static ConversationAccount Channel(string channelId, string rootMessageId) =>
        new() { Id = $"{channelId};messageid={rootMessageId}", ConversationType = ConversationTypes.Channel, TenantId = TestActivities.Tenant };

    public static ConversationAccount Personal(TestUser user) =>
        new() { Id = $"a:personal-{user.TeamsId[3..]}", ConversationType = ConversationTypes.Personal, TenantId = TestActivities.Tenant };

    public static ConversationAccount GroupChat(string id) =>
        new() { Id = id, ConversationType = ConversationTypes.GroupChat, TenantId = TestActivities.Tenant };

    /// <summary>A message as Teams sends it. "@bob" becomes &lt;at&gt;Bob Builder&lt;/at&gt; with a mention entity; in channels and group chats the bot is
    /// mentioned first.</summary>
    public Activity Message(TestUser from, ConversationAccount conversation, string text, string? id = null, string locale = "en-US",
        string? channelId = null, IEnumerable<TestUser>? people = null)
    {
        var entities = new List<Entity>();
        foreach (var user in Everyone.Append(Stranger).Concat(people ?? []))
        {
            var handle = "@" + user.TeamsId[3..];
            if (!text.Contains(handle, StringComparison.Ordinal)) continue;
            var at = $"<at>{user.Name}</at>";
            text = text.Replace(handle, at, StringComparison.Ordinal);
            entities.Add(Entity.Mention(user.TeamsId, user.Name, at));
        }
        if (conversation.ConversationType != ConversationTypes.Personal)
        {
            text = "<at>Kudos</at> " + text;
            entities.Insert(0, Entity.Mention(Bot.Id!, "Kudos", "<at>Kudos</at>"));
        }
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = id ?? NewId(),
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = host.Connector.ServiceUrl,
            ChannelId = "msteams",
            From = from.Account,
            Recipient = Bot,
            Conversation = conversation,
            Text = text,
            TextFormat = "plain",
            Locale = locale,
            Entities = entities,
            ChannelData = new TeamsChannelData
            {
                Tenant = new TenantInfo(TestActivities.Tenant),
                Team = conversation.ConversationType == ConversationTypes.Channel ? new TeamInfo { Id = TeamId, Name = "Support Team" } : null,
                Channel = conversation.ConversationType == ConversationTypes.Channel
                    ? new ChannelInfo { Id = channelId ?? conversation.Id!.Split(';')[0], Name = "Escalations" } : null,
            },
        };
    }

    /// <summary>An installation or membership event as Teams sends it (installationUpdate, conversationUpdate).</summary>
    public Activity Event(string type, TestUser from, ConversationAccount conversation, string? action = null,
        IReadOnlyList<ChannelAccount>? added = null, IReadOnlyList<ChannelAccount>? removed = null) => new()
        {
            Type = type,
            Action = action,
            Id = Guid.NewGuid().ToString("N"),
            ServiceUrl = host.Connector.ServiceUrl,
            ChannelId = "msteams",
            From = from.Account,
            Recipient = Bot,
            Conversation = conversation,
            MembersAdded = added,
            MembersRemoved = removed,
            ChannelData = new TeamsChannelData
            {
                Tenant = new TenantInfo(TestActivities.Tenant),
                Team = conversation.ConversationType == ConversationTypes.Channel ? new TeamInfo { Id = conversation.Id, Name = "Support Team" } : null,
            },
        };

    /// <summary>An Action.Execute click on one of the bot's cards.</summary>
    public Activity CardAction(
        TestUser from, ConversationAccount conversation, string verb, IReadOnlyDictionary<string, string> data, string? replyToId = null) => new()
        {
            Type = ActivityTypes.Invoke,
            Name = InvokeNames.AdaptiveCardAction,
            Id = NewId(),
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = host.Connector.ServiceUrl,
            ChannelId = "msteams",
            From = from.Account,
            Recipient = Bot,
            Conversation = conversation,
            ReplyToId = replyToId,
            Locale = "en-US",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" }),
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(TestActivities.Tenant) },
        };

    /// <summary>An invoke as Teams sends it (application/search, composeExtension/fetchTask, composeExtension/submitAction ...).</summary>
    public Activity Invoke(TestUser from, ConversationAccount conversation, string name, object value, string tenant = TestActivities.Tenant) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = name,
        Id = NewId(),
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = host.Connector.ServiceUrl,
        ChannelId = "msteams",
        From = from.Account,
        Recipient = Bot,
        Conversation = conversation with { TenantId = tenant },
        Locale = "en-US",
        Value = JsonSerializer.SerializeToElement(value),
        ChannelData = new TeamsChannelData
        {
            Tenant = new TenantInfo(tenant),
            Team = conversation.ConversationType == ConversationTypes.Channel ? new TeamInfo { Id = TeamId, Name = "Support Team" } : null,
        },
    };

    public async Task<HttpResponseMessage> SendAsync(Activity activity)
    {
        var response = await host.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {activity.Type}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>
    /// Sends a message and returns the bot's answer: the reply to this activity in that conversation, or, when there
    /// is none (a kudos given in a channel or group chat is confirmed privately), what the bot sent to the sender's 1:1 chat meanwhile.
    /// </summary>
    public async Task<FakeConnector.ConnectorCall> SayAsync(TestUser from, ConversationAccount conversation, string text, string? id = null,
        string locale = "en-US", IEnumerable<TestUser>? people = null)
    {
        var activity = Message(from, conversation, text, id, locale, people: people);
        var before = Connector.Calls.Count;
        using var _ = await SendAsync(activity);
        var calls = Connector.Calls;
        return calls.SingleOrDefault(c => c.Method == "POST" && c.Path.EndsWith("/activities/" + activity.Id, StringComparison.Ordinal))
            ?? calls.Skip(before).FirstOrDefault(c => c.Method == "POST" && IsPersonalChatOf(from, c.Path))
            ?? throw new InvalidOperationException($"No answer to \"{text}\", neither in the conversation nor in {from.Name}'s 1:1 chat.");
    }

    /// <summary>Whether a connector path posts into the user's 1:1 chat with the bot (the one they opened, or one the bot created).</summary>
    public static bool IsPersonalChatOf(TestUser user, string path) =>
        path.StartsWith($"/amer/v3/conversations/{Personal(user).Id}/activities", StringComparison.Ordinal)
        || path.StartsWith($"/amer/v3/conversations/a:dm-{user.TeamsId}/activities", StringComparison.Ordinal)
        || path.StartsWith($"/amer/v3/conversations/a:dm-{user.AadId}/activities", StringComparison.Ordinal);

    /// <summary>Clicks a card button and returns the card Teams would show the clicker.</summary>
    public async Task<JsonElement> ClickAsync(Activity invoke)
    {
        using var response = await SendAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.Clone();
    }

    public async Task<MemberBalance> BalanceOf(TestUser user) => (await Ledger.GetMemberAsync(Workspace, user.Member, CancellationToken.None)).Balance;

    private static string NewId() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + Random.Shared.Next(1000, 9999).ToString();
}

public static class ConnectorCallExtensions
{
    /// <summary>Waits for the app (usually its outbox) to make a call matching <paramref name="match"/>.</summary>
    public static async Task<FakeConnector.ConnectorCall> WaitForAsync(
        this FakeConnector connector, Func<FakeConnector.ConnectorCall, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            if (connector.Calls.FirstOrDefault(match) is { } call) return call;
            await Task.Delay(50);
        }
        throw new TimeoutException(
            "The expected connector call never came. Calls so far:\n" + string.Join("\n", connector.Calls.Select(c => $"{c.Method} {c.RawTarget}")));
    }

    /// <summary>The first Adaptive Card of a posted activity.</summary>
    public static JsonElement Card(this FakeConnector.ConnectorCall call) =>
        call.Json.GetProperty("attachments")[0].GetProperty("content");

    /// <summary>Every text in a card (TextBlocks, text runs, facts, action titles), for readable assertions.</summary>
    public static string AllText(this JsonElement card)
    {
        var texts = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                    if (p.Name is "text" or "title" or "value" && p.Value.ValueKind == JsonValueKind.String) texts.Add(p.Value.GetString()!);
                    else Walk(p.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var i in e.EnumerateArray()) Walk(i);
        }
        Walk(card);
        return string.Join("\n", texts);
    }

    public static IReadOnlyList<(string Id, string Text)> Mentions(this JsonElement card) =>
        card.TryGetProperty("msteams", out var ms) && ms.TryGetProperty("entities", out var entities)
            ? [.. entities.EnumerateArray().Select(e => (e.GetProperty("mentioned").GetProperty("id").GetString()!, e.GetProperty("text").GetString()!))]
            : [];
}
