using System.Net;
using System.Text;
using System.Text.Json;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Teams;

/// <summary>
/// With the Bot Framework's OpenID metadata unreachable, a well-formed RS256 token can be neither accepted nor
/// refused: 503 with Retry-After (the Bot Connector sends the activity again), never a 500. A token that names another
/// algorithm (none, HS256) is refused with 401 without asking for keys at all. Nothing reaches the bot either way.
/// </summary>
public sealed class WhenTheSigningKeysCannotBeFetched : IAsyncLifetime
{
    // A loopback port nobody listens on: the metadata request is refused at once.
    private readonly TeamsTestHost _host = new(authenticated: true, new()
    {
        ["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:1/v1/.well-known/openidconfiguration",
    });

    public Task InitializeAsync() => ((IAsyncLifetime)_host).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string token) =>
        await _host.PostRawAsync(
            JsonSerializer.Serialize(TestActivities.Message(_host.Connector.ServiceUrl, "<at>Kudos</at> balance"), BotJson.Options), token);

    [Fact]
    public async Task AWellFormedTokenGets503AndAnotherAlgorithm401AndTheBotHearsNothing()
    {
        var before = _host.Connector.Calls.Count;

        using var signed = await PostAsync(_host.GoodToken(_host.Connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signed.StatusCode);
        Assert.NotNull(signed.Headers.RetryAfter);

        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var claims = Part($$"""{"iss":"https://api.botframework.com","aud":"{{TeamsTestHost.AppId}}","exp":{{expires}}}""");
        using var none = await PostAsync($"{Part("""{"alg":"none","typ":"JWT"}""")}.{claims}.");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using var hs256 = await PostAsync($"{Part("""{"alg":"HS256","typ":"JWT"}""")}.{claims}.{Part("not a signature")}");
        Assert.Equal(HttpStatusCode.Unauthorized, hs256.StatusCode);

        Assert.Equal(before, _host.Connector.Calls.Count);
    }
}
