using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RecognitionBot.Core;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Core.Pipeline;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Slack.Fakes;
using RecognitionBot.Tests.Teams.Fakes;

namespace RecognitionBot.Tests.Web.Fakes;

/// <summary>
/// The real app on Kestrel (127.0.0.1, so a browser can reach it) on Azurite, with Slack pointed at a
/// <see cref="FakeSlackServer"/> and both dashboard sign-ins at local <see cref="FakeOidcIssuer"/>s. People of the
/// Slack workspace T0001 (Ann gives, Bob redeems, Mia approves, Ada is an admin) are known to the fake Slack.
/// </summary>
public sealed class DashboardTestHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Team = "T0001";
    public const string Ann = "U0001", Bob = "U0002", Mia = "U0007", Ada = "U0009";
    public const string Channel = "C0001";
    /// <summary>The Teams tenant the app serves, and one it does not.</summary>
    public const string Tenant = "1b7c3d4e-0a55-4a9f-9d7e-aa00000000a1", ForeignTenant = "2c8d4e5f-0a55-4a9f-9d7e-aa00000000b2";

    private readonly string _environment;
    private readonly Dictionary<string, string?> _extra;
    private readonly string _tablePrefix = Azurite.UniquePrefix("web");

    public DashboardTestHost() : this("Testing") { }

    internal DashboardTestHost(string environment, Dictionary<string, string?>? settings = null)
    {
        _environment = environment;
        _extra = settings ?? [];
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public FakeSlackServer Slack { get; private set; } = null!;
    public FakeOidcIssuer SlackSignIn { get; private set; } = null!;
    public FakeOidcIssuer EntraSignIn { get; private set; } = null!;

    /// <summary>Storage as the host sees it can be switched off (every table request fails as an outage does).</summary>
    public FailingStorage StorageFaults { get; } = new();

    public static WorkspaceId Workspace => SlackWorkspace.Id(Team);

    /// <summary>Where the browser goes, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');

    /// <summary>An HTTP client to the Kestrel address (not following redirects), with or without cookies.</summary>
    public HttpClient NewClient(bool cookies = false) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies }) { BaseAddress = new Uri(BaseUrl) };

    public RecognitionService Core => Services.GetRequiredService<RecognitionService>();

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackServer.StartAsync();
        Slack.AddUser(Ann, name: "Ann Agent");
        Slack.AddUser(Bob, name: "Bob Builder");
        Slack.AddUser(Mia, name: "Mia Manager");
        Slack.AddUser(Ada, isAdmin: true, name: "Ada Admin");
        SlackSignIn = await FakeOidcIssuer.StartSlackAsync();
        EntraSignIn = await FakeOidcIssuer.StartEntraAsync();
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackTestHost.SigningSecret,
            ["Slack:BotToken"] = SlackTestHost.BotToken,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:RetryBaseDelay"] = "00:00:00.050",
            ["Teams:AllowedTenants:0"] = Tenant,
            ["Dashboard:Slack:Authority"] = SlackSignIn.Authority,
            ["Dashboard:Slack:ClientId"] = FakeOidcIssuer.ClientId,
            ["Dashboard:Slack:ClientSecret"] = FakeOidcIssuer.ClientSecret,
            ["Dashboard:Entra:Authority"] = EntraSignIn.Authority,
            ["Dashboard:Entra:ClientId"] = FakeOidcIssuer.ClientId,
            ["Dashboard:Entra:ClientSecret"] = FakeOidcIssuer.ClientSecret,
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            // Generous: other tests must not depend on this shared machine's speed.
            ["Storage:CommandBudget"] = "00:00:30",
            ["Storage:TablePrefix"] = _tablePrefix,
            ["Outbox:FirstRetry"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in _extra) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
        {
            // The issuers' certificate is the tests' own: the sign-in handlers' back channel trusts it, nothing else does.
            services.ConfigureAll<OpenIdConnectOptions>(o => o.BackchannelHttpHandler = new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, errors) => TestCertificate.Validate(cert, errors) },
            });
            services.AddSingleton<Azure.Core.Pipeline.HttpPipelinePolicy>(StorageFaults);
        });
    }

    /// <summary>A command as a member typed it in the workspace's channel (the test's arrangement, through the real core).</summary>
    public Task<CommandResult> SayAsync(string member, string text, string channel = Channel) =>
        Core.HandleTextAsync(new CommandContext(Workspace, new MemberId(member), new ConversationRef(channel, ConversationKind.Channel),
            DeliveryKey.Of("test:" + Guid.NewGuid().ToString("N"))), text, CancellationToken.None);

    /// <summary>Waits until the outbox has posted everything it holds.</summary>
    public async Task OutboxDrainedAsync()
    {
        var outbox = Services.GetRequiredService<OutboxStore>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (await outbox.CountAsync(Workspace, CancellationToken.None) > 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The outbox did not drain.");
            await Task.Delay(50);
        }
    }

    /// <summary>Every row the workspace owns in storage, for "nothing changed".</summary>
    public Task<IReadOnlyDictionary<string, string>> RowsAsync() => StorageSnapshot.ReadAsync(Services.GetRequiredService<TableStore>(), Workspace);

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            foreach (var table in Services.GetRequiredService<TableStore>().All) await table.DeleteAsync();
        }
        catch (Exception e) when (e is Azure.RequestFailedException or ObjectDisposedException)
        {
            // Best effort: the tables of an in-memory Azurite vanish with it anyway (and a test may have stopped the host).
        }
        await base.DisposeAsync();
        await Slack.DisposeAsync();
        await SlackSignIn.DisposeAsync();
        await EntraSignIn.DisposeAsync();
    }
}
