using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Infra;

/// <summary>
/// Compiles infra/ once per test run: every .bicep file (one CLI process) and main.bicepparam, with a marker
/// value in each environment variable the parameter file reads.
/// </summary>
public sealed partial class CompiledInfra : IDisposable
{
    public const string TeamsAppIdValue = "11111111-2222-3333-4444-555555555555";

    public CompiledInfra()
    {
        InfraDir = Path.Combine(Azurite.RepoRoot(), "infra");
        OutDir = Directory.CreateTempSubdirectory("recbot-bicep-").FullName;
        BicepFiles = Directory.GetFiles(InfraDir, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(InfraDir, f)).Order().ToArray();

        Build = BicepCli.BuildAll(InfraDir, Path.Combine(OutDir, "templates"));
        var mainJson = Path.Combine(OutDir, "templates", "main.json");
        MainTemplate = File.Exists(mainJson) ? JsonNode.Parse(File.ReadAllText(mainJson))!.AsObject() : new JsonObject();

        SecureParameters = MainTemplate["parameters"]?.AsObject()
            .Where(p => p.Value?["type"]?.GetValue<string>().StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(p => p.Key).ToArray() ?? [];
        EnvironmentMarkers = SecureParameters.ToDictionary(EnvironmentVariableFor, p => (string?)$"marker-{p}-{Guid.NewGuid():N}");
        EnvironmentMarkers["TEAMS_APP_ID"] = TeamsAppIdValue;

        var parametersFile = Path.Combine(OutDir, "main.parameters.json");
        BuildParams = BicepCli.BuildParams(Path.Combine(InfraDir, "main.bicepparam"), parametersFile, EnvironmentMarkers);
        Parameters = File.Exists(parametersFile)
            ? JsonNode.Parse(File.ReadAllText(parametersFile))!["parameters"]!.AsObject()
            : new JsonObject();
    }

    public string InfraDir { get; }
    public string OutDir { get; }
    public IReadOnlyList<string> BicepFiles { get; }
    public BicepRun Build { get; }
    public BicepRun BuildParams { get; }
    public JsonObject MainTemplate { get; }
    public JsonObject Parameters { get; }
    public IReadOnlyList<string> SecureParameters { get; }
    public Dictionary<string, string?> EnvironmentMarkers { get; }

    /// <summary>The convention main.bicepparam follows: teamsAppPassword is read from TEAMS_APP_PASSWORD.</summary>
    public static string EnvironmentVariableFor(string parameterName) =>
        UpperCaseStart().Replace(parameterName, "_$1").ToUpperInvariant();

    /// <summary>Every resource in the compiled template, nested module templates included.</summary>
    public IEnumerable<JsonObject> AllResources() => ResourcesOf(MainTemplate);

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        AllResources().Where(r => string.Equals(r["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
                foreach (var inner in ResourcesOf(nested)) yield return inner;
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(OutDir, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex UpperCaseStart();
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "compiled infra";
}
