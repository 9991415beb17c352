using System.Net;
using System.Text.RegularExpressions;
using RecognitionBot.Tests.Web.Fakes;

namespace RecognitionBot.Tests.Web;

/// <summary>
/// While storage does not answer, a signed-in person's pages say "try again" (503 with Retry-After, in the browser's
/// language), never "this page is not for you" (403), and nothing changes; when storage is back, the page is there.
/// </summary>
public sealed partial class WhenTheDashboardsStorageIsDown : IAsyncLifetime
{
    private readonly DashboardTestHost _host = new("Development", new() { ["Dashboard:LocalSignIn"] = "true" });

    public Task InitializeAsync() => ((IAsyncLifetime)_host).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Fact]
    public async Task ASignedInPersonIsToldToTryAgainAndNothingChanges()
    {
        await _host.SayAsync(DashboardTestHost.Ada, "admin reward add \"Extra break\" 20");
        using var client = _host.NewClient(cookies: true);
        var token = Token().Match(await client.GetStringAsync("/dashboard/signin/local")).Groups[1].Value;
        var signedIn = await client.PostAsync("/dashboard/signin/local", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["platform"] = "Slack",
            ["workspace"] = DashboardTestHost.Team,
            ["member"] = DashboardTestHost.Ada,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/admin/catalog")).StatusCode);
        var before = await _host.RowsAsync();

        _host.StorageFaults.Arm();
        foreach (var page in new[] { "/dashboard", "/dashboard/admin/catalog", "/dashboard/people" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.AcceptLanguage.ParseAdd("it-IT");
            using var answer = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            Assert.NotNull(answer.Headers.RetryAfter);
            var html = await answer.Content.ReadAsStringAsync();
            Assert.Contains("Riprova tra un minuto", html);
            Assert.Contains("lang=\"it\"", html);
        }
        _host.StorageFaults.Disarm();

        Assert.Equal(before, await _host.RowsAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/admin/catalog")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
