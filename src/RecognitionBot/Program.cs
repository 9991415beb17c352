using RecognitionBot.Hosting;
using RecognitionBot.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRecognitionStartupChecks();
builder.Services.AddRecognitionTelemetry(builder.Configuration);

var app = builder.Build();
app.UseRecognitionRequestLimits();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
