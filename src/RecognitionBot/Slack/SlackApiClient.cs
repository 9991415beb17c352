using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Slack;

/// <summary>
/// The slice of the Slack Web API the app calls. The token is a parameter of every call because each installed
/// workspace has its own. Errors arrive as HTTP 200 with <c>ok:false</c> and become <see cref="SlackApiException"/>;
/// 429 waits out Retry-After and 5xx backs off exponentially, both a bounded number of times.
/// A singleton: each call takes a pooled HttpClient from the factory.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiClient> log)
{
    public const string HttpClientName = "Slack";
    private const int PageSize = 500;

    /// <param name="once">Fail at the first throttle or outage instead of retrying inline: the outbox reschedules the post itself.</param>
    public async Task<PostedMessage> PostMessageAsync(
        string token, string channel, SlackMessage message, string? threadTs = null, CancellationToken ct = default,
        bool once = false)
    {
        var body = new PostMessageRequest(channel, message.Text, message.Blocks, threadTs);
        var json = await CallAsync("chat.postMessage", Bearer(token), Json(body), ct, once);
        return new PostedMessage(json.GetProperty("channel").GetString()!, json.GetProperty("ts").GetString()!);
    }

    public Task UpdateMessageAsync(string token, string channel, string ts, SlackMessage message, CancellationToken ct = default, bool once = false) =>
        CallAsync("chat.update", Bearer(token), Json(new UpdateRequest(channel, ts, message.Text, message.Blocks ?? [])), ct, once);

    public Task PostEphemeralAsync(string token, string channel, string user, SlackMessage message, CancellationToken ct = default) =>
        CallAsync("chat.postEphemeral", Bearer(token), Json(new EphemeralRequest(channel, user, message.Text, message.Blocks)), ct);

    /// <summary>Opens (or finds) the DM with one user, or a group DM with several; returns the <c>D...</c> channel id.</summary>
    public async Task<string> OpenConversationAsync(string token, IReadOnlyCollection<string> users, CancellationToken ct = default, bool once = false)
    {
        var json = await CallAsync("conversations.open", Bearer(token), Json(new OpenConversationRequest(string.Join(',', users))), ct, once);
        return json.GetProperty("channel").GetProperty("id").GetString()!;
    }

    public Task<IReadOnlyList<string>> ConversationMembersAsync(string token, string channel, CancellationToken ct = default) =>
        PagedIdsAsync("conversations.members", token, [Field("channel", channel)], "members", ct);

    public async Task<SlackUser> UserInfoAsync(string token, string userId, CancellationToken ct = default)
    {
        var json = await CallAsync("users.info", Bearer(token), Form(Field("user", userId), Field("include_locale", "true")), ct);
        return json.GetProperty("user").Deserialize<SlackUser>(SlackJson.Options)!;
    }

    /// <summary>users.lookupByEmail (needs users:read.email): the person with this email, or null (<c>users_not_found</c>).</summary>
    public async Task<SlackUser?> LookupByEmailAsync(string token, string email, CancellationToken ct = default)
    {
        try
        {
            var json = await CallAsync("users.lookupByEmail", Bearer(token), Form(Field("email", email)), ct);
            return json.GetProperty("user").Deserialize<SlackUser>(SlackJson.Options);
        }
        catch (SlackApiException e) when (e.Error == "users_not_found")
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> UserGroupMembersAsync(string token, string usergroupId, CancellationToken ct = default)
    {
        var json = await CallAsync("usergroups.users.list", Bearer(token), Form(Field("usergroup", usergroupId)), ct);
        return json.GetProperty("users").Deserialize<string[]>(SlackJson.Options)!;
    }

    /// <summary>Who a token is: the team it belongs to (and its enterprise, for an org-wide install).</summary>
    public async Task<SlackAuthIdentity> AuthTestAsync(string token, CancellationToken ct = default)
    {
        var json = await CallAsync("auth.test", Bearer(token), Form(), ct);
        return json.Deserialize<SlackAuthIdentity>(SlackJson.Options)!;
    }

    /// <summary>Opens a modal; the trigger id is single-use and expires 3 s after the click.</summary>
    public async Task<string> OpenViewAsync(string token, string triggerId, ModalView view, CancellationToken ct = default)
    {
        var json = await CallAsync("views.open", Bearer(token), Json(new OpenViewRequest(triggerId, view)), ct);
        return json.GetProperty("view").GetProperty("id").GetString()!;
    }

    /// <summary>Publishes one person's App Home tab (Tier 4: about 100 a minute per workspace; see <see cref="SlackHomePublisher"/>).</summary>
    public Task PublishHomeAsync(string token, string userId, HomeTabView view, CancellationToken ct = default, bool once = false) =>
        CallAsync("views.publish", Bearer(token), Json(new PublishViewRequest(userId, view)), ct, once);

    /// <summary>The address of one message (a thread reply's carries its thread).</summary>
    public async Task<string> PermalinkAsync(string token, string channel, string messageTs, CancellationToken ct = default)
    {
        var json = await CallAsync("chat.getPermalink", Bearer(token), Form(Field("channel", channel), Field("message_ts", messageTs)), ct, once: true);
        return json.GetProperty("permalink").GetString()!;
    }

    /// <summary>Exchanges an install's code for the workspace's bot token; the app's credentials go as HTTP Basic.</summary>
    public async Task<OAuthV2Access> OAuthAccessAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct = default)
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        List<KeyValuePair<string, string>> fields = [Field("code", code)];
        if (redirectUri is not null) fields.Add(Field("redirect_uri", redirectUri));
        var json = await CallAsync("oauth.v2.access", basic, Form([.. fields]), ct);
        return json.Deserialize<OAuthV2Access>(SlackJson.Options)!;
    }

    /// <summary>A fresh Socket Mode WebSocket URL, for the app-level token.</summary>
    public async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken ct = default)
    {
        var json = await CallAsync("apps.connections.open", Bearer(appToken), Form(), ct);
        return new Uri(json.GetProperty("url").GetString()!);
    }

    /// <summary>
    /// Answers through an interaction's <c>response_url</c> (works in channels the bot is not in, and for ephemeral
    /// messages). Only Slack's own hosts are accepted, since the URL arrives inside the payload.
    /// </summary>
    public async Task RespondAsync(Uri responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken ct = default)
    {
        if (!IsSlackHost(responseUrl)) throw new SlackApiException("response_url", "untrusted_response_url");
        var body = new ResponseUrlRequest(message.Text, message.Blocks, replaceOriginal);
        await CallAsync("response_url", responseUrl, null, Json(body), expectJson: false, ct);
    }

    private bool IsSlackHost(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")) return false;
        var api = options.Value.ApiBaseUrl.Host;
        if (string.Equals(url.Host, api, StringComparison.OrdinalIgnoreCase)) return true;
        // api host slack.com (or slack-gov.com): its subdomains, e.g. hooks.slack.com.
        var labels = api.Split('.');
        var domain = labels.Length >= 2 ? string.Join('.', labels[^2..]) : api;
        return url.Host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase) && url.Scheme == "https";
    }

    private async Task<IReadOnlyList<string>> PagedIdsAsync(
        string method, string token, KeyValuePair<string, string>[] fields, string property, CancellationToken ct)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            List<KeyValuePair<string, string>> page = [.. fields, Field("limit", PageSize.ToString(CultureInfo.InvariantCulture))];
            if (cursor is not null) page.Add(Field("cursor", cursor));
            var json = await CallAsync(method, Bearer(token), Form([.. page]), ct);
            foreach (var id in json.GetProperty(property).EnumerateArray()) ids.Add(id.GetString()!);
            cursor = json.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(cursor));
        return ids;
    }

    private Task<JsonElement> CallAsync(string method, AuthenticationHeaderValue auth, Func<HttpContent> content, CancellationToken ct, bool once = false) =>
        CallAsync(method, new Uri(options.Value.ApiBaseUrl, method), auth, content, expectJson: true, ct, once);

    private async Task<JsonElement> CallAsync(
        string method, Uri uri, AuthenticationHeaderValue? auth, Func<HttpContent> content, bool expectJson, CancellationToken ct,
        bool once = false)
    {
        var settings = options.Value;
        var http = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var last = once || attempt >= settings.MaxAttempts;
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
            request.Headers.Authorization = auth;
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                var error = e is TaskCanceledException ? "timeout" : "network";
                if (last) throw new SlackApiException(method, error, inner: e);
                await BackoffAsync(method, error, attempt, ct);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response);
                    if (last || wait > settings.MaxRetryAfter)
                        throw new SlackApiException(method, "ratelimited", response.StatusCode, wait);
                    log.LogInformation("Slack {Method} throttled; retrying in {Delay}", method, wait);
                    await Task.Delay(wait, time, ct);
                    continue;
                }
                if ((int)response.StatusCode >= 500)
                {
                    if (last) throw new SlackApiException(method, $"http_{(int)response.StatusCode}", response.StatusCode);
                    await BackoffAsync(method, $"http_{(int)response.StatusCode}", attempt, ct);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    throw new SlackApiException(method, $"http_{(int)response.StatusCode}", response.StatusCode);
                if (!expectJson) return default;

                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
                var root = doc.RootElement;
                if (!root.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
                {
                    var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
                    throw new SlackApiException(method, error, response.StatusCode);
                }
                return root.Clone();
            }
        }
    }

    private async Task BackoffAsync(string method, string error, int attempt, CancellationToken ct)
    {
        var delay = options.Value.RetryBaseDelay * Math.Pow(2, attempt - 1);
        log.LogWarning("Slack {Method} failed with {Error}; attempt {Attempt}, retrying in {Delay}", method, error, attempt, delay);
        await Task.Delay(delay, time, ct);
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        // Slack always sends the header; without it, a short pause is still kinder than hammering.
        return TimeSpan.FromSeconds(1);
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private static Func<HttpContent> Json<T>(T body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, SlackJson.Options);
        return () => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
    }

    private static Func<HttpContent> Form(params KeyValuePair<string, string>[] fields) => () => new FormUrlEncodedContent(fields);

    private sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<Block>? Blocks, string? ThreadTs)
    {
        // Links in kudos messages should not grow previews under a celebration.
        public bool UnfurlLinks => false;

        public bool UnfurlMedia => false;
    }

    private sealed record UpdateRequest(string Channel, string Ts, string Text, IReadOnlyList<Block> Blocks);

    private sealed record EphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks);

    private sealed record OpenConversationRequest(string Users);

    private sealed record OpenViewRequest(string TriggerId, ModalView View);

    private sealed record PublishViewRequest(string UserId, HomeTabView View);

    private sealed record ResponseUrlRequest(string Text, IReadOnlyList<Block>? Blocks, bool ReplaceOriginal)
    {
        public string ResponseType => "ephemeral";
    }
}
