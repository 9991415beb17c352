using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Slack.Fakes;

/// <summary>
/// The real app (its Program, DI and middleware) with Slack pointed at a <see cref="FakeSlackServer"/>, Azurite for
/// storage under a fresh table prefix, and a client that signs requests the way Slack does.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotToken = "xoxb-test-bot-token";

    private SlackTestHost(FakeSlackServer slack, WebApplicationFactory<Program> factory, string tablePrefix)
    {
        Slack = slack;
        Factory = factory;
        TablePrefix = tablePrefix;
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public FakeSlackServer Slack { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public string TablePrefix { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<SlackTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        FakeSlackServer? slack = null,
        string? tablePrefix = null)
    {
        slack ??= await FakeSlackServer.StartAsync();
        tablePrefix ??= Azurite.UniquePrefix("slack");
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:RetryBaseDelay"] = "00:00:00.050",
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            // Generous: other tests must not depend on this shared machine's speed (WhenStorageStalls sets the real budget).
            ["Storage:CommandBudget"] = "00:00:30",
            ["Storage:TablePrefix"] = tablePrefix,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (k, v) in all) web.UseSetting(k, v);
            if (services is not null) web.ConfigureTestServices(services);
        });
        return new SlackTestHost(slack, factory, tablePrefix);
    }

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts a body signed with <paramref name="secret"/> at <paramref name="timestamp"/> (default: ours, now).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, string? timestamp = null, string? secret = null,
        IDictionary<string, string>? headers = null)
    {
        timestamp ??= Now();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
        request.Headers.Add(
            SlackRequestVerifier.SignatureHeader, Encoding.ASCII.GetString(SlackRequestVerifier.Sign(secret ?? SigningSecret, timestamp, bytes)));
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.Add(k, v);
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string? timestamp = null, string? secret = null) =>
        PostSignedAsync(path, FormBody(fields), "application/x-www-form-urlencoded", timestamp, secret);

    /// <summary>A <c>/kudos</c> slash command as Slack posts it (escaped text, a fresh trigger id).</summary>
    public Task<HttpResponseMessage> CommandAsync(string text, string user = "U0001", string channel = "C0001", string team = "T0001",
        string? triggerId = null, string? timestamp = null, string? secret = null, string? channelName = null)
    {
        // A late answer goes to the response URL: the fake's, never a real Slack host.
        var fields = CommandFields(text, user, channel, team, triggerId);
        // Slack names a private channel "privategroup", a DM "directmessage" and a group DM "mpdm-...".
        if (channelName is not null) fields["channel_name"] = channelName;
        fields["response_url"] = new Uri(Slack.BaseUrl, $"api/response_url.{user}").AbsoluteUri;
        return PostFormAsync("/slack/commands", fields, timestamp, secret);
    }

    /// <summary>
    /// The answer the user ends up with: the inline one, or, when the command was acknowledged with "one moment"
    /// (a cold or busy host misses the ack deadline), the one delivered through the response URL afterwards.
    /// </summary>
    public async Task<System.Text.Json.JsonElement> FinalAnswerAsync(HttpResponseMessage response, string user, DateTimeOffset sentAt)
    {
        var inline = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (inline.GetProperty("text").GetString() != SlackTexts.Get(SlackTexts.Working)) return inline;
        return (await Slack.WaitForCallAsync($"response_url.{user}", c => c.At >= sentAt)).Json;
    }

    public static Dictionary<string,
        string> CommandFields(string text, string user = "U0001", string channel = "C0001", string team = "T0001", string? triggerId = null) => new()
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = team,
            ["team_domain"] = "acme",
            ["channel_id"] = channel,
            ["channel_name"] = "support-floor",
            ["user_id"] = user,
            ["user_name"] = user.ToLowerInvariant(),
            ["command"] = "/kudos",
            ["text"] = text,
            ["api_app_id"] = "A0001",
            ["is_enterprise_install"] = "false",
            ["response_url"] = "https://hooks.slack.com/commands/T0001/1/abc",
            ["trigger_id"] = triggerId ?? $"{Random.Shared.NextInt64()}.{Random.Shared.Next()}.{Guid.NewGuid():N}",
        };

    public static string FormBody(IDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
