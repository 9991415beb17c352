var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
