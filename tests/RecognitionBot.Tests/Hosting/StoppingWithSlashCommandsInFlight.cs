using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RecognitionBot.Tests.Slack.Fakes;
using RecognitionBot.Tests.Web.Fakes;

namespace RecognitionBot.Tests.Hosting;

/// <summary>
/// SIGTERM (a deployment, an App Service restart) on the real Kestrel host: a slash command in flight when the stop
/// begins finishes and is answered ("Sent!"); before, the host's stopping token cancelled its work and Slack got a 500.
/// </summary>
public sealed class StoppingWithSlashCommandsInFlight : IAsyncLifetime
{
    private readonly DashboardTestHost _host = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_host).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Fact]
    public async Task ACommandWaitingOnSlackWhenTheStopBeginsIsAnswered()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var since = DateTimeOffset.UtcNow;
        // Bob is new to the host: the command waits on Slack's users.info, held here, when the stop begins.
        _host.Slack.Hold("users.info", release.Task);
        using var client = _host.NewClient();
        var answer = client.SendAsync(Signed(DashboardTestHost.Ann, $"<@{DashboardTestHost.Bob}> +5 thanks for the overnight cover"));
        await _host.Slack.WaitForCallAsync("users.info", c => c.At >= since);

        var stopping = _host.Services.GetRequiredService<IHost>().StopAsync();
        await Task.Delay(300);
        release.SetResult();
        using var response = await answer.WaitAsync(TimeSpan.FromSeconds(20));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sent!", await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Signed(string user, string text)
    {
        var body = string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = DashboardTestHost.Team,
            ["channel_id"] = DashboardTestHost.Channel,
            ["user_id"] = user,
            ["command"] = "/kudos",
            ["text"] = text,
            ["trigger_id"] = "stop." + Guid.NewGuid().ToString("N"),
        }.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackTestHost.SigningSecret), Encoding.UTF8.GetBytes($"v0:{ts}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }
}
