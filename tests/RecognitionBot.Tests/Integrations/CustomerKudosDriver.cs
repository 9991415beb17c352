using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core.Storage;
using RecognitionBot.Integrations;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Slack.Fakes;
using static RecognitionBot.Tests.Slack.Fakes.SlackAppDriver;

namespace RecognitionBot.Tests.Integrations;

/// <summary>
/// The Slack app with a helpdesk in front of it: an admin creates the integration with the real command (reading its
/// URL and secret from the answer), then ratings are posted signed as README "Customer kudos" says.
/// </summary>
public sealed partial class CustomerKudosDriver : IAsyncDisposable
{
    public const string Admin = "U0009", Agent = "U0002", LoveChannel = "C0LOVE";
    public const string BaseUrl = "https://kudos.example.test";

    private CustomerKudosDriver(SlackAppDriver app) => App = app;

    public SlackAppDriver App { get; }

    public FakeSlackServer Slack => App.Slack;

    public static async Task<CustomerKudosDriver> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["CustomerKudos:PublicBaseUrl"] = BaseUrl };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var app = await SlackAppDriver.StartAsync(all);
        app.Slack.Users[Agent]["profile"]!["email"] = HelpdeskSamples.AgentEmail;
        return new CustomerKudosDriver(app);
    }

    /// <summary>Runs <c>admin integration add {args}</c> in the love channel; returns the id and secret the admin was shown.</summary>
    public async Task<(string Id, string Secret, string Said)> AddIntegrationAsync(string args = "zendesk")
    {
        var said = Said(await App.CommandAsync(Admin, $"admin integration add {args}", channel: LoveChannel));
        var url = UrlPattern().Match(said);
        var secret = SecretPattern().Match(said);
        Assert.True(url.Success && secret.Success, said);
        return (url.Groups[1].Value, secret.Value, said);
    }

    /// <summary>Posts a rating signed with <paramref name="secret"/> at <paramref name="timestamp"/> (default now), or with the given signature.</summary>
    public Task<HttpResponseMessage> PostAsync(string id, string? secret, JsonNode body, string? timestamp = null, string? signature = null) =>
        PostRawAsync(id, secret, body.ToJsonString(), timestamp, signature);

    public Task<HttpResponseMessage> PostRawAsync(string id, string? secret, string body, string? timestamp = null, string? signature = null)
    {
        timestamp ??= SlackTestHost.Now();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/integrations/customer-kudos/{id}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(CustomerKudosSignature.TimestampHeader, timestamp);
        signature ??= secret is null ? null : CustomerKudosSignature.Sign(secret, timestamp, bytes);
        if (signature is not null) request.Headers.Add(CustomerKudosSignature.SignatureHeader, signature);
        return App.Host.Client.SendAsync(request);
    }

    /// <summary>
    /// Everything every table of this host holds, keys and values, as one text: for "nothing changed" (compare two) and
    /// for "this never reached storage" (search it).
    /// </summary>
    public async Task<string> StoredAsync()
    {
        var tables = App.Host.Services.GetRequiredService<TableStore>();
        var text = new StringBuilder();
        foreach (var table in tables.All.Append(tables.Client(SlackServiceCollectionExtensions.KeyRingTable)))
        {
            try
            {
                await foreach (var e in table.QueryAsync<TableEntity>())
                {
                    text.Append(table.Name).Append('|').Append(e.PartitionKey).Append('|').Append(e.RowKey);
                    foreach (var (k, v) in e.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal))
                        text.Append('|').Append(k).Append('=').Append(v);
                    text.Append('\n');
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // A table nobody wrote to yet.
            }
        }
        return text.ToString();
    }

    /// <summary>What storage holds once the outbox has posted everything and recorded where (two reads alike, a moment apart).</summary>
    public async Task<string> SettledAsync()
    {
        await App.OutboxDrainedAsync();
        var last = await StoredAsync();
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(200);
            var now = await StoredAsync();
            if (now == last) return now;
            last = now;
        }
        return last;
    }

    /// <summary>Every call the app made to Slack, bodies included, as one text.</summary>
    public string Posted() => string.Join("\n", Slack.Calls.Select(c => c.Body));

    public ValueTask DisposeAsync() => App.DisposeAsync();

    [GeneratedRegex(@"/integrations/customer-kudos/([0-9a-f]{32})")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex SecretPattern();
}
