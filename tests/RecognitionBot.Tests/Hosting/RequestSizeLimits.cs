using System.Net;
using System.Net.Http.Headers;

namespace RecognitionBot.Tests.Hosting;

/// <summary>Oversized bodies on the platform endpoints get 413 before any adapter reads them.</summary>
public sealed class RequestSizeLimits : IClassFixture<RequestSizeLimits.Host>
{
    public sealed class Host() : AppHost("Development", new Dictionary<string, string?>());

    private readonly HttpClient _client;

    public RequestSizeLimits(Host host) => _client = host.CreateClient();

    [Theory]
    [InlineData("/api/messages", 1024 * 1024 + 1)]
    [InlineData("/slack/commands", 256 * 1024 + 1)]
    [InlineData("/slack/events", 300 * 1024)]
    [InlineData("/healthz", 64 * 1024 + 1)]
    public async Task RefusesABodyOverTheEndpointsLimit(string path, int size)
    {
        var response = await Post(path, size);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/messages", 200 * 1024)]
    [InlineData("/slack/commands", 8 * 1024)]
    public async Task LetsANormalSizedBodyThrough(string path, int size)
    {
        var response = await Post(path, size);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private Task<HttpResponseMessage> Post(string path, int size)
    {
        var content = new ByteArrayContent(new byte[size]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
