using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Infra;

/// <summary>
/// scripts/package.sh fills the deployed host and the ids into the Teams package and the Slack manifest.
/// Run with --skip-publish on manifests written here (the publish step is checked by hand: it is a plain
/// dotnet publish and too slow for every test run).
/// </summary>
public sealed class PackagingScript : IDisposable
{
    private const string BotId = "0f6b3c1e-2d4a-4b5c-9e8f-1a2b3c4d5e6f";
    private const string Host = "app-recbot-abc123.azurewebsites.net";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("recbot-package-");

    private string Manifests => Path.Combine(_dir.FullName, "manifest");
    private string Artifacts => Path.Combine(_dir.FullName, "artifacts");

    public PackagingScript()
    {
        Directory.CreateDirectory(Path.Combine(Manifests, "teams"));
        Directory.CreateDirectory(Path.Combine(Manifests, "slack"));
        File.WriteAllText(Path.Combine(Manifests, "teams", "manifest.json"), """
            { "id": "{{TEAMS_APP_ID}}", "bots": [ { "botId": "{{BOT_ID}}" } ],
              "validDomains": [ "{{HOST_NAME}}" ], "webApplicationInfo": { "id": "{{BOT_ID}}", "resource": "api://{{HOST_NAME}}/{{BOT_ID}}" } }
            """);
        File.WriteAllBytes(Path.Combine(Manifests, "teams", "color.png"), [0x89, 0x50, 0x4E, 0x47]);
        File.WriteAllBytes(Path.Combine(Manifests, "teams", "outline.png"), [0x89, 0x50, 0x4E, 0x47]);
        File.WriteAllText(Path.Combine(Manifests, "slack", "manifest.json"), """
            { "features": { "slash_commands": [ { "command": "/kudos", "url": "https://{{HOST_NAME}}/slack/commands" } ] },
              "oauth_config": { "redirect_urls": [ "https://{{HOST_NAME}}/slack/oauth/callback" ] } }
            """);
    }

    [Fact]
    public void FillsTheHostAndIdsIntoTheTeamsPackageAndTheSlackManifest()
    {
        var (exitCode, output) = Package($"https://{Host}/", "--bot-id", BotId);

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(Path.Combine(Artifacts, "teams-app.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var teams = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal(BotId, teams["id"]!.GetValue<string>());
        Assert.Equal(BotId, teams["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(Host, teams["validDomains"]![0]!.GetValue<string>());
        Assert.Equal($"api://{Host}/{BotId}", teams["webApplicationInfo"]!["resource"]!.GetValue<string>());

        var slack = JsonNode.Parse(File.ReadAllText(Path.Combine(Artifacts, "slack-manifest.json")))!;
        Assert.Equal($"https://{Host}/slack/commands", slack["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>());
        Assert.Equal($"https://{Host}/slack/oauth/callback", slack["oauth_config"]!["redirect_urls"]![0]!.GetValue<string>());
    }

    [Fact]
    public void KeepsADistinctTeamsAppIdWhenGiven()
    {
        const string teamsAppId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        var (exitCode, output) = Package(Host, "--bot-id", BotId, "--teams-app-id", teamsAppId);

        Assert.True(exitCode == 0, output);
        using var zip = ZipFile.OpenRead(Path.Combine(Artifacts, "teams-app.zip"));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var teams = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal(teamsAppId, teams["id"]!.GetValue<string>());
        Assert.Equal(BotId, teams["bots"]![0]!["botId"]!.GetValue<string>());
    }

    [Fact]
    public void RefusesToWriteATeamsPackageWithoutTheBotId()
    {
        var (exitCode, output) = Package(Host);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--bot-id", output);
        Assert.False(File.Exists(Path.Combine(Artifacts, "teams-app.zip")));
    }

    [Fact]
    public void RefusesAPlaceholderItDoesNotKnow()
    {
        File.WriteAllText(Path.Combine(Manifests, "slack", "manifest.json"), """{ "url": "https://{{HOST_NAME}}/{{SLACK_PATH}}" }""");

        var (exitCode, output) = Package(Host, "--bot-id", BotId);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("{{SLACK_PATH}}", output);
        Assert.False(File.Exists(Path.Combine(Artifacts, "slack-manifest.json")));
    }

    [Theory]
    [InlineData("not a host")]
    [InlineData("host/with/path")]
    [InlineData("localhost")]
    public void RefusesSomethingThatIsNotAPublicHostName(string host)
    {
        var (exitCode, output) = Package(host, "--bot-id", BotId);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("is not a host name", output);
    }

    [Fact]
    public void RefusesABotIdThatIsNotAGuid()
    {
        var (exitCode, output) = Package(Host, "--bot-id", "my-bot");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("is not a GUID", output);
    }

    private (int ExitCode, string Output) Package(params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(Azurite.RepoRoot(), "scripts", "package.sh"));
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        psi.ArgumentList.Add("--skip-publish");
        psi.Environment["MANIFEST_DIR"] = Manifests;
        psi.Environment["ARTIFACTS_DIR"] = Artifacts;
        psi.Environment["BOT_ID"] = null;
        psi.Environment["TEAMS_APP_ID"] = null;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "package.sh did not finish in 60 s.");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
