using RecognitionBot.Core;
using RecognitionBot.Core.Storage;
using RecognitionBot.Dashboard.Admin;
using RecognitionBot.Hosting;
using RecognitionBot.Integrations;
using RecognitionBot.Jobs;
using RecognitionBot.Observability;
using RecognitionBot.Slack;
using RecognitionBot.Teams;
using RecognitionBot.Web;
using RecognitionBot.Web.Tabs;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRecognitionStartupChecks();
builder.Services.AddRecognitionTelemetry(builder.Configuration);
builder.Services.AddRecognitionReadiness();
builder.Services.AddSlack(builder.Configuration);

builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddRecognitionCore();
builder.Services.AddHostedService<StorageInitializer>();
builder.Services.AddHostedService<OutboxDispatcher>();
builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section);
builder.Services.AddHostedService<DigestScheduler>();
builder.Services.AddHostedService<AwardScheduler>();
builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
builder.Services.AddSingleton<HandledDeliveryCleanup>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<HandledDeliveryCleanup>());
builder.Services.AddSingleton(sp => sp.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single());
builder.Services.AddProblemDetails();
builder.Services.AddTeams(builder.Configuration);
builder.Services.AddDashboardAdmin();
builder.Services.AddDashboard(builder.Configuration);
builder.Services.AddCustomerKudos();
builder.Services.AddTeamsTabs();

var app = builder.Build();
app.UseExceptionHandler();
app.UseRecognitionRequestLimits();
app.UseTabFraming();
// Liveness: the process answers. It also says whether storage is reachable, but stays 200 either way.
app.MapGet("/healthz", async (TableStore tables, CancellationToken ct) =>
    Results.Ok(new { status = "ok", storage = await tables.IsReachableAsync(ct) ? "reachable" : "unreachable" }));
// Someone who opens the host's address in a browser lands on the dashboard (its sign-in when signed out).
app.MapGet("/", () => Results.Redirect("/dashboard"));
app.MapTeams();
app.MapRecognitionReadiness();
app.MapSlack();
app.MapDashboard();
app.MapDashboardAdmin();
app.MapCustomerKudos();
app.MapTeamsTabs();
app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
