using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Azure.Data.Tables;
using RecognitionBot.Slack;
using RecognitionBot.Tests.Hosting;
using RecognitionBot.Tests.Infrastructure;
using RecognitionBot.Tests.Slack.Fakes;

namespace RecognitionBot.Tests.Slack;

/// <summary>
/// The Data Protection key ring that encrypts installed workspaces' bot tokens is itself encrypted with a certificate
/// kept outside the storage account: reading the tables alone decrypts nothing, and the same certificate after a
/// restart (or on another instance) reads every token back.
/// </summary>
public sealed class EncryptingTheKeyRing : IAsyncLifetime
{
    private const string Team = "T9";
    private const string Token = "xoxb-t9-secret";
    private static readonly string Certificate = NewCertificate();
    private readonly string _prefix = Azurite.UniquePrefix("keyring");
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync(new() { ["Slack:KeyRingCertificate"] = Certificate });
        SlackInstallFlow.SlackKnowsCode(_host.Slack, "code-k", Team, Token);
        await SlackInstallFlow.InstallAsync(_host, "code-k");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void TheKeyRingInStorageHoldsNoPlaintextKey()
    {
        var keys = KeyRingXml();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Empty(Named(key, "masterKey"));
            var secret = Assert.Single(Named(key, "encryptedSecret"));
            Assert.Contains("EncryptedXmlDecryptor", secret.Attribute("decryptorType")!.Value);
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "CipherValue");
        });
    }

    [Fact]
    public async Task WithoutACertificateTheKeyRingIsPlaintextWhichIsWhatTheCheckAboveCatches()
    {
        // Development's behaviour, shown so the assertion above is known to fail on a plaintext ring.
        await using var plain = await SlackTestHost.StartAsync(SlackInstallFlow.Settings());
        SlackInstallFlow.SlackKnowsCode(plain.Slack, "code-p", "T8", "xoxb-t8");
        await SlackInstallFlow.InstallAsync(plain, "code-p");

        var key = Assert.Single(KeyRingXml(plain.TablePrefix));

        Assert.NotEmpty(Named(key, "masterKey").SelectMany(m => Named(m, "value")));
        Assert.Empty(Named(key, "encryptedSecret"));
    }

    [Fact]
    public async Task TokensStillDecryptAfterARestartWithTheSameCertificate()
    {
        await _host.DisposeAsync();
        // The same certificate, this time from a file (App Service's WEBSITE_LOAD_CERTIFICATES puts one in /var/ssl/private).
        var file = Path.Combine(Directory.CreateTempSubdirectory("recbot-cert-").FullName, "keyring.p12");
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(Certificate));
        _host = await StartAsync(new() { ["Slack:KeyRingCertificatePath"] = file });
        _host.Slack.AddUser("U0001", team: Team);

        var response = await _host.CommandAsync("balance", team: Team);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lookups = _host.Slack.CallsTo("users.info");
        Assert.NotEmpty(lookups);
        Assert.All(lookups, call => Assert.Equal(Token, call.Token));
    }

    [Fact]
    public async Task AHostWithAnotherCertificateCannotReadTheTokens()
    {
        await using var other = await StartAsync(new() { ["Slack:KeyRingCertificate"] = NewCertificate() });
        other.Slack.AddUser("U0001", team: Team);

        var sentAt = DateTimeOffset.UtcNow;
        var response = await other.CommandAsync("balance", team: Team);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await other.FinalAnswerAsync(response, "U0001", sentAt);
        Assert.Equal(SlackTexts.Get(SlackTexts.CommandFailed), answer.GetProperty("text").GetString());
        Assert.Empty(other.Slack.CallsTo("users.info"));
    }

    [Fact]
    public void AProductionHostWithSlackInstallsRefusesToStartWithoutTheCertificate()
    {
        using var host = new AppHost("Production", new Dictionary<string, string?>(SlackInstallFlow.Settings())
        {
            ["Storage:AccountUri"] = "https://strecbot.table.core.windows.net/",
            ["Slack:SigningSecret"] = "s",
        });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Slack:KeyRingCertificate", error.ToString());
    }

    [Theory]
    [InlineData("not base64 at all", "base64 PKCS#12")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/slack-keyring)", "Key Vault reference")]
    [InlineData("aGVsbG8=", "could not be read")]
    public void AnUnusableCertificateStopsTheHostAndNamesTheSetting(string value, string expected)
    {
        using var host = new AppHost("Testing", new Dictionary<string, string?>(SlackInstallFlow.Settings())
        {
            ["Slack:SigningSecret"] = "s",
            ["Slack:KeyRingCertificate"] = value,
        });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient()).ToString();

        Assert.Contains("Slack:KeyRingCertificate", error);
        Assert.Contains(expected, error);
    }

    private Task<SlackTestHost> StartAsync(Dictionary<string, string?> keyRing)
    {
        var settings = SlackInstallFlow.Settings();
        foreach (var (k, v) in keyRing) settings[k] = v;
        return SlackTestHost.StartAsync(settings, tablePrefix: _prefix);
    }

    private List<XElement> KeyRingXml(string? prefix = null) =>
        [.. new TableClient(Azurite.ConnectionString, (prefix ?? _prefix) + SlackServiceCollectionExtensions.KeyRingTable)
            .Query<TableEntity>().Select(e => XElement.Parse(e.GetString("Xml")))];

    // Data Protection writes some elements in its own XML namespace: match by local name.
    private static IEnumerable<XElement> Named(XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    /// <summary>A fresh self-signed RSA certificate with its private key, as base64 PKCS#12 (what Key Vault hands out).</summary>
    internal static string NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=RecognitionBot test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pfx));
    }
}
