using System.IO.Compression;
using System.Text.Json;
using RecognitionBot.Tests.Infrastructure;

namespace RecognitionBot.Tests.Contracts;

/// <summary>manifest/teams/build-package.sh makes a package Teams accepts: checked against the official manifest schema, offline.</summary>
public sealed class TeamsAppPackage : IDisposable
{
    private const string BotAppId = "6f1c2a51-3c5e-4a8b-9d11-5a0a3c1e7b01";
    private readonly string _dir = Directory.CreateTempSubdirectory("teams-package-").FullName;
    private static string Root => Azurite.RepoRoot();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Build(string appId = BotAppId, string host = "kudos.contoso.com")
    {
        var zip = Path.Combine(_dir, "app.zip");
        var outcome = ExternalTool.Run("bash", [Path.Combine(Root, "manifest", "teams", "build-package.sh"), appId, host, zip]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var files = Path.Combine(_dir, "files");
        ZipFile.ExtractToDirectory(zip, files);
        return files;
    }

    private static ExternalTool.Outcome Check(string manifest) =>
        ExternalTool.Run("node", [Path.Combine(Root, "tests", "contracts", "teams-manifest-check.js"), manifest]);

    [Fact]
    public void PassesTheOfficialSchemaWithIdsAndHostFilledIn()
    {
        var files = Build();
        var outcome = Check(Path.Combine(files, "manifest.json"));

        Assert.True(outcome.ExitCode == 0, outcome.Output + outcome.Error);
        Assert.Equal(["color.png", "it-it.json", "manifest.json", "outline.png", "sv-se.json"],
            Directory.GetFiles(files).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(files, "manifest.json")));
        var bot = manifest.RootElement.GetProperty("bots")[0];
        Assert.Equal(BotAppId, bot.GetProperty("botId").GetString());
        Assert.Equal(BotAppId, manifest.RootElement.GetProperty("webApplicationInfo").GetProperty("id").GetString());
        Assert.Equal(["kudos.contoso.com"], manifest.RootElement.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var commands = bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "kudos", "balance", "rewards", "leaderboard", "help" }, commands.ToHashSet());
        // "Give kudos" on a message (and from the compose box): an action command whose dialog the bot fetches.
        var extension = manifest.RootElement.GetProperty("composeExtensions")[0];
        Assert.Equal(BotAppId, extension.GetProperty("botId").GetString());
        var give = extension.GetProperty("commands")[0];
        Assert.Equal(("giveKudos", "action", true), (give.GetProperty("id").GetString(), give.GetProperty("type").GetString(),
            give.GetProperty("fetchTask").GetBoolean()));
        Assert.Equal(["message", "compose"], give.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void DeclaresThePersonalAndChannelTabsWithSingleSignOn()
    {
        var files = Build();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(files, "manifest.json")));
        var root = manifest.RootElement;

        var personal = Assert.Single(root.GetProperty("staticTabs").EnumerateArray());
        Assert.Equal("https://kudos.contoso.com/dashboard/tabs/personal", personal.GetProperty("contentUrl").GetString());
        Assert.Equal(["personal"], personal.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var channel = Assert.Single(root.GetProperty("configurableTabs").EnumerateArray());
        Assert.Equal("https://kudos.contoso.com/dashboard/tabs/configure", channel.GetProperty("configurationUrl").GetString());
        Assert.Equal(["team"], channel.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        // A bot plus tabs: the SSO resource names the tab's domain (PROTOCOLS B3), and the host accepts it as audience.
        var web = root.GetProperty("webApplicationInfo");
        Assert.Equal(BotAppId, web.GetProperty("id").GetString());
        Assert.Equal($"api://kudos.contoso.com/botid-{BotAppId}", web.GetProperty("resource").GetString());
        // Every tab page lives on the host, so it is the one valid domain.
        Assert.Equal(["kudos.contoso.com"], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        foreach (var language in new[] { "it-it.json", "sv-se.json" })
        {
            using var localized = JsonDocument.Parse(File.ReadAllText(Path.Combine(files, language)));
            Assert.False(string.IsNullOrWhiteSpace(localized.RootElement.GetProperty("staticTabs[0].name").GetString()), language);
        }
    }

    [Fact]
    public void TheSchemaCheckCatchesABrokenManifest()
    {
        var files = Build();
        var path = Path.Combine(files, "manifest.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"short\": \"Kudos\"", "\"short\": \"Kudos for every contact-center agent in the world\""));

        var outcome = Check(path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("/name/short", outcome.Output);
    }

    [Theory]
    [InlineData("not-a-guid", "kudos.contoso.com")]
    [InlineData(BotAppId, "https://kudos.contoso.com/api")]
    public void RefusesAnAppIdOrHostThatCannotWork(string appId, string host)
    {
        var outcome = ExternalTool.Run("bash", [Path.Combine(Root, "manifest", "teams", "build-package.sh"), appId, host, Path.Combine(_dir, "x.zip")]);
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.False(File.Exists(Path.Combine(_dir, "x.zip")));
    }

    [Fact]
    public void IconsHaveTheSizesAndColoursTeamsRequires()
    {
        var color = Png.Read(Path.Combine(Root, "manifest", "teams", "color.png"));
        var outline = Png.Read(Path.Combine(Root, "manifest", "teams", "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(color.Pixels(), p => Assert.Equal(255, p.A));
        // Outline: white on transparency only, and not empty.
        Assert.All(outline.Pixels(), p => Assert.True(p.A == 0 || (p.R == 255 && p.G == 255 && p.B == 255), $"pixel {p}"));
        Assert.Contains(outline.Pixels(), p => p.A == 255);
        Assert.Contains(outline.Pixels(), p => p.A == 0);
    }
}
