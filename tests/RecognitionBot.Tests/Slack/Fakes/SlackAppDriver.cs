using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Slack.Fakes;

/// <summary>
/// Drives the whole app as Slack would: signed slash commands and clicks in, the fake Web API recording what the
/// app posts, the real core on Azurite underneath. One per test, for a workspace of its own.
/// </summary>
public sealed class SlackAppDriver : IAsyncDisposable
{
    public const string Team = "T0001";
    public const string Channel = "C0001";

    private SlackAppDriver(SlackTestHost host) => Host = host;

    public SlackTestHost Host { get; }

    public FakeSlackServer Slack => Host.Slack;

    public static WorkspaceId Workspace => SlackWorkspace.Id(Team);

    public static async Task<SlackAppDriver> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = await SlackTestHost.StartAsync(settings, services);
        // Everyone a test names exists, as a person who reads English, unless the test says otherwise.
        foreach (var id in new[] { "U0001", "U0002", "U0003", "U0004", "U0005", "U0006", "U0007", "U0008" }) host.Slack.AddUser(id);
        host.Slack.AddUser("U0009", isAdmin: true, name: "Admin");
        host.Slack.AddUser("UDEPLOYBOT", isBot: true, name: "Deploybot");
        return new SlackAppDriver(host);
    }

    /// <summary>Sends <c>/kudos {text}</c> and returns the ephemeral answer's JSON.</summary>
    public async Task<JsonElement> CommandAsync(string user, string text, string channel = Channel, string? triggerId = null, string? channelName = null)
    {
        var response = await Host.CommandAsync(text, user, channel, Team, triggerId, channelName: channelName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        return body;
    }

    /// <summary>Sends <c>/kudos {text}</c> and returns what the user finally reads, inline or through the response URL.</summary>
    public async Task<JsonElement> AnswerAsync(string user, string text, string channel = Channel, string team = Team)
    {
        var sentAt = DateTimeOffset.UtcNow;
        var response = await Host.CommandAsync(text, user, channel, team);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Host.FinalAnswerAsync(response, user, sentAt);
    }

    /// <summary>The answer's text and blocks flattened into one string, for "says X" assertions.</summary>
    public static string Said(JsonElement reply) => string.Join("\n", Strings(reply));

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>
    /// A button click (block_actions) on a message, answered through a recorded response URL. The app acks first and
    /// follows up after; unless <paramref name="ackOnly"/>, this returns once the follow-ups are done too.
    /// </summary>
    public async Task<HttpResponseMessage> ClickAsync(
        string user, string actionId, string value, string channel, string messageTs, bool ephemeral = false, bool ackOnly = false)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "acme" },
            ["api_app_id"] = "A0001",
            ["trigger_id"] = $"trig-{Guid.NewGuid():N}",
            ["response_url"] = new Uri(Slack.BaseUrl, $"api/response_url.{user}").AbsoluteUri,
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = ephemeral },
            ["channel"] = new JsonObject { ["id"] = channel },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "b1",
                ["value"] = value,
                ["action_ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F6}",
            }),
        };
        return await InteractAsync(payload, ackOnly);
    }

    private async Task<HttpResponseMessage> InteractAsync(JsonObject payload, bool ackOnly)
    {
        var ack = await Host.PostFormAsync("/slack/interactions", new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
        if (!ackOnly) await FollowUpsDoneAsync();
        return ack;
    }

    /// <summary>Waits until what the app does after acking an interaction is done.</summary>
    public Task FollowUpsDoneAsync() =>
        Host.Services.GetRequiredService<SlackFollowUps>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Submits a modal Slack opened for the app, with its private metadata and a reason typed in.</summary>
    public async Task<HttpResponseMessage> SubmitViewAsync(string user, JsonElement openedView, string? reason, bool ackOnly = false)
    {
        var values = new JsonObject
        {
            [SlackActions.ReasonBlock] = new JsonObject { [SlackActions.ReasonInput] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } },
        };
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team },
            ["view"] = new JsonObject
            {
                ["id"] = $"V{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
                ["type"] = "modal",
                ["callback_id"] = openedView.GetProperty("callback_id").GetString(),
                ["private_metadata"] = openedView.GetProperty("private_metadata").GetString(),
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
        return await InteractAsync(payload, ackOnly);
    }

    /// <summary>A global shortcut, or with <paramref name="channel"/> a message shortcut on a message by <paramref name="author"/>.</summary>
    public Task<HttpResponseMessage> ShortcutAsync(string user, string callbackId, string? channel = null, string? author = null,
        string messageTs = "1712000100.000200", bool ackOnly = false)
    {
        var payload = new JsonObject
        {
            ["type"] = channel is null ? "shortcut" : "message_action",
            ["callback_id"] = callbackId,
            ["trigger_id"] = $"trig-{Guid.NewGuid():N}",
            ["action_ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F6}",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team, ["username"] = user.ToLowerInvariant() },
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "acme" },
        };
        if (channel is not null)
        {
            payload["channel"] = new JsonObject { ["id"] = channel, ["name"] = "support-floor" };
            payload["message_ts"] = messageTs;
            var message = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "Closed the angry ticket, customer happy now" };
            if (author is not null) message["user"] = author;
            else message["bot_id"] = "B0009";
            payload["message"] = message;
            payload["response_url"] = new Uri(Slack.BaseUrl, $"api/response_url.{user}").AbsoluteUri;
        }
        return InteractAsync(payload, ackOnly);
    }

    /// <summary>The modal the app last opened with <c>views.open</c> (after <paramref name="since"/>).</summary>
    public async Task<JsonElement> OpenedViewAsync(DateTimeOffset since) =>
        (await Slack.WaitForCallAsync("views.open", c => c.At >= since)).Json.GetProperty("view").Clone();

    /// <summary>Submits the composer modal as Slack would, with what the giver chose and typed.</summary>
    public async Task<HttpResponseMessage> SubmitComposerAsync(string user, JsonElement openedView, string[] recipients, string? points, string[] values,
        string? message, bool isPrivate = false, string? viewId = null)
    {
        JsonObject Options(IEnumerable<string> chosen) => new()
        {
            ["selected_options"] = new JsonArray(
                [.. chosen.Select(v => new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = v }, ["value"] = v })]),
        };
        var state = new JsonObject
        {
            ["recipients"] = new JsonObject
            {
                ["recipients"] = new JsonObject
                {
                    ["type"] = "multi_users_select",
                    ["selected_users"] = new JsonArray([.. recipients.Select(r => JsonValue.Create(r))]),
                },
            },
            ["points"] = new JsonObject { ["points"] = new JsonObject { ["type"] = "number_input", ["value"] = points } },
            ["values"] = new JsonObject { ["values"] = Options(values) },
            ["message"] = new JsonObject { ["message"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = message } },
            ["private"] = new JsonObject { ["private"] = Options(isPrivate ? ["on"] : []) },
        };
        ((JsonObject)state["values"]!["values"]!)["type"] = "multi_static_select";
        ((JsonObject)state["private"]!["private"]!)["type"] = "checkboxes";
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "acme" },
            ["view"] = new JsonObject
            {
                ["id"] = viewId ?? $"V{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
                ["type"] = "modal",
                ["callback_id"] = openedView.GetProperty("callback_id").GetString(),
                ["private_metadata"] = openedView.GetProperty("private_metadata").GetString(),
                ["hash"] = "1712000000.abcdef",
                ["state"] = new JsonObject { ["values"] = state },
            },
        };
        return await InteractAsync(payload, ackOnly: false);
    }

    /// <summary>An Events API callback, signed, for this workspace.</summary>
    public Task<HttpResponseMessage> EventAsync(JsonObject slackEvent, string? secret = null)
    {
        var envelope = new JsonObject
        {
            ["token"] = "deprecated",
            ["team_id"] = Team,
            ["api_app_id"] = "A0001",
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{Guid.NewGuid():N}"[..14],
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = slackEvent,
        };
        return Host.PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json", secret: secret);
    }

    /// <summary><c>app_home_opened</c> on the Home tab, as Slack sends it when someone opens the app.</summary>
    public Task<HttpResponseMessage> OpenHomeAsync(string user, string? secret = null) => EventAsync(new JsonObject
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = "D" + user[1..],
        ["tab"] = "home",
        ["event_ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F6}",
    }, secret);

    /// <summary>The App Home the app last published for <paramref name="user"/> after <paramref name="since"/>.</summary>
    public async Task<JsonElement> PublishedHomeAsync(string user, DateTimeOffset since, Func<JsonElement, bool>? match = null) =>
        (await Slack.WaitForCallAsync("views.publish",
            c => c.At >= since && c.Arg("user_id") == user && (match?.Invoke(c.Json.GetProperty("view")) ?? true), TimeSpan.FromSeconds(20)))
        .Json.GetProperty("view").Clone();

    /// <summary>A button click in someone's App Home: no message, no response URL, the published view's id and hash.</summary>
    public Task<HttpResponseMessage> ClickInHomeAsync(string user, string actionId, string value, string hash = "1712000000.home")
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "acme" },
            ["api_app_id"] = "A0001",
            ["trigger_id"] = $"trig-{Guid.NewGuid():N}",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "VHOME" + user },
            ["view"] = new JsonObject { ["id"] = "VHOME" + user, ["type"] = "home", ["hash"] = hash, ["callback_id"] = "kudos_home" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "b1",
                ["value"] = value,
                ["action_ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0:F6}",
            }),
        };
        return InteractAsync(payload, ackOnly: false);
    }

    /// <summary>The ledger's own view of a member: what they hold and have left to give.</summary>
    public async Task<BalanceView> BalanceAsync(string user)
    {
        var settings = await Host.Services.GetRequiredService<WorkspaceStore>().GetAsync(Workspace, CancellationToken.None);
        return await Host.Services.GetRequiredService<ILedger>().GetBalanceAsync(Workspace, new MemberId(user), settings, CancellationToken.None);
    }

    /// <summary>The workspace's ledger partition, for "nothing changed" (<see cref="StorageSnapshot.LedgerAsync"/>).</summary>
    public Task<IReadOnlyDictionary<string, string>> PartitionAsync(WorkspaceId? workspace = null) =>
        StorageSnapshot.LedgerAsync(Host.Services.GetRequiredService<TableStore>(), workspace ?? Workspace);

    /// <summary>Every row the workspace owns in storage (ledger, settings, digests, audit), for before/after comparisons.</summary>
    public Task<IReadOnlyDictionary<string, string>> RowsAsync() =>
        StorageSnapshot.ReadAsync(Host.Services.GetRequiredService<TableStore>(), Workspace);

    public Task<int> PendingPostsAsync() => Host.Services.GetRequiredService<OutboxStore>().CountAsync(Workspace, CancellationToken.None);

    /// <summary>Waits until the outbox has posted everything it holds.</summary>
    /// <param name="parked">How many rows are expected to stay, parked for good.</param>
    /// <param name="timeout">How long to wait at most (15 seconds unless said).</param>
    public async Task OutboxDrainedAsync(int parked = 0, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (await PendingPostsAsync() > parked)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The outbox did not drain.");
            await Task.Delay(50);
        }
    }

    public IReadOnlyList<RecordedCall> PostsTo(string channel) =>
        [.. Slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == channel)];

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
