using Microsoft.AspNetCore.Http.Features;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using RecognitionBot.Core.Storage;
using RecognitionBot.Teams;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Teams.Fakes;

/// <summary>
/// The real app on Kestrel (127.0.0.1), wired to the local fakes of the Bot Framework identity, the token endpoint,
/// the connector and Graph. Everything outbound goes over HTTPS to those fakes.
/// </summary>
public sealed class TeamsTestHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AppId = "6f1c2a51-3c5e-4a8b-9d11-5a0a3c1e7b01";
    public const string AppPassword = "test-only-password";
    public const string BotTenant = "0b7a3f42-2d0e-4a3c-8f5e-1c6b9e2d4a11";
    /// <summary>The customer tenant whose people the tests play (<see cref="TestActivities.Tenant"/>), and one the app does not serve.</summary>
    public const string ForeignTenant = "5e1f0c3d-8b7a-4c2e-9d61-0a4b3c2d1e99";
    /// <summary>The Entra group whose members are admins, answered by <see cref="FakeGraph"/>.</summary>
    public const string AdminGroup = "c4a1e0d2-6b3f-4e5a-8c9d-7f2e1b0a3c44";

    private readonly bool _authenticated;
    private readonly string _environment;
    private readonly Dictionary<string, string?> _extra;
    private readonly bool _recordLogs;
    private readonly TimeProvider? _clock;
    private HttpClient? _client;
    private readonly string _tablePrefix = Azurite.UniquePrefix("teams");

    public TeamsTestHost() : this(authenticated: true) { }

    internal TeamsTestHost(bool authenticated, Dictionary<string, string?>? settings = null, string environment = "Testing", bool recordLogs = false,
        TimeProvider? clock = null)
    {
        _clock = clock;
        _authenticated = authenticated;
        _recordLogs = recordLogs;
        _environment = environment;
        _extra = settings ?? [];
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public FakeBotFrameworkIdentity Identity { get; private set; } = null!;
    public FakeTokenEndpoint Tokens { get; private set; } = null!;
    public FakeConnector Connector { get; private set; } = null!;
    public FakeGraph Graph { get; private set; } = null!;
    public HttpClient Client => _client ??= CreateClient();

    /// <summary>Where a browser reaches the host, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl => Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
        .GetRequiredFeature<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>().Addresses.First().TrimEnd('/');

    /// <summary>What the host logged (at the configured levels), when made with <c>recordLogs</c>.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public async Task InitializeAsync()
    {
        Identity = await FakeBotFrameworkIdentity.StartAsync();
        Tokens = await FakeTokenEndpoint.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Graph = await FakeGraph.StartAsync();
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = _authenticated ? AppId : "",
            ["Teams:AppPassword"] = _authenticated ? AppPassword : "",
            ["Teams:AppTenantId"] = BotTenant,
            // The bot is registered in its own tenant and serves one customer tenant; Ann is the configured admin.
            ["Teams:AllowedTenants:0"] = TestActivities.Tenant,
            ["Teams:Admins:0"] = TeamsScenario.Ann.AadId,
            ["Teams:AdminGroupId"] = AdminGroup,
            ["Teams:LocalMode"] = _authenticated ? "false" : "true",
            ["Teams:OpenIdMetadataUrl"] = Identity.MetadataUrl,
            ["Teams:AuthorityHost"] = Tokens.AuthorityHost,
            ["Teams:GraphBaseUrl"] = Graph.BaseUrl,
            ["Teams:DefaultServiceUrl"] = Connector.ServiceUrl,
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            // Generous: other tests must not depend on this shared machine's speed (WhenStorageStalls sets the real budget).
            ["Storage:CommandBudget"] = "00:00:30",
            ["Storage:TablePrefix"] = _tablePrefix,
            ["Outbox:FirstRetry"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _extra) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
        {
            if (_recordLogs) services.AddFakeLogging();
            // The app's clock, where a test moves time on (tokens are still checked against the real one).
            if (_clock is not null) services.AddSingleton(_clock);
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, errors) => TestCertificate.Validate(cert, errors) },
            }));
        });
    }

    /// <summary>Posts an activity as Teams would, with a good token unless another is given ("" sends none).</summary>
    public Task<HttpResponseMessage> PostActivityAsync(Activity activity, string? token = null) =>
        PostRawAsync(JsonSerializer.Serialize(activity, BotJson.Options), token ?? GoodToken(activity.ServiceUrl!));

    public async Task<HttpResponseMessage> PostRawAsync(string json, string? token, string scheme = "Bearer",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(token)) request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return await Client.SendAsync(request);
    }

    public string GoodToken(string serviceUrl) => Identity.Mint(AppId, serviceUrl);

    /// <summary>Every row the workspaces own in storage (<see cref="StorageSnapshot"/>), for the attack tests.</summary>
    public Task<IReadOnlyDictionary<string, string>> SnapshotAsync(params RecognitionBot.Core.Workspaces.WorkspaceId[] workspaces) =>
        StorageSnapshot.ReadAsync(Services.GetRequiredService<TableStore>(), workspaces);

    async Task IAsyncLifetime.DisposeAsync()
    {
        _client?.Dispose();
        try
        {
            foreach (var table in Services.GetRequiredService<TableStore>().All) await table.DeleteAsync();
        }
        catch (Azure.RequestFailedException)
        {
            // Best effort: the tables of an in-memory Azurite vanish with it anyway.
        }
        await base.DisposeAsync();
        await Identity.DisposeAsync();
        await Tokens.DisposeAsync();
        await Connector.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
