using RecognitionBot.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTeams(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapTeams();
app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
