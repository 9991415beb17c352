using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Slack;

/// <summary>
/// The certificate that encrypts the Data Protection key ring before it reaches Table Storage, and the earlier ones
/// that may still be needed to read keys written before a rotation. Loaded once at start-up: a certificate that is
/// configured but unusable stops the host with the setting's name, rather than silently writing plaintext keys.
/// </summary>
public sealed class SlackKeyRingCertificates
{
    private SlackKeyRingCertificates(X509Certificate2? current, IReadOnlyList<X509Certificate2> previous)
    {
        Current = current;
        Previous = previous;
    }

    /// <summary>Encrypts new keys and decrypts keys it encrypted; null: keys are stored unencrypted (Development only).</summary>
    public X509Certificate2? Current { get; }

    public IReadOnlyList<X509Certificate2> Previous { get; }

    public static SlackKeyRingCertificates Load(SlackOptions settings)
    {
        X509Certificate2? current = null;
        if (!string.IsNullOrWhiteSpace(settings.KeyRingCertificate))
            current = FromBase64(settings.KeyRingCertificate, "Slack:KeyRingCertificate");
        else if (!string.IsNullOrWhiteSpace(settings.KeyRingCertificatePath))
            current = FromFile(settings.KeyRingCertificatePath, settings.KeyRingCertificatePassword);
        var previous = settings.KeyRingPreviousCertificates
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select((p, i) => FromBase64(p, $"Slack:KeyRingPreviousCertificates:{i}"))
            .ToList();
        return new SlackKeyRingCertificates(current, previous);
    }

    private static X509Certificate2 FromBase64(string value, string setting)
    {
        if (value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"{setting} is a Key Vault reference App Service could not resolve " +
                "(does the certificate exist, and may the app's identity read secrets of the vault?).");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} must be a base64 PKCS#12 certificate with its private key (a Key Vault certificate's secret).");
        }
        return Usable(() => X509CertificateLoader.LoadPkcs12(bytes, null), setting);
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"Slack:KeyRingCertificatePath names a file that does not exist: {path}.");
        return Usable(() => X509CertificateLoader.LoadPkcs12FromFile(path, password), "Slack:KeyRingCertificatePath");
    }

    private static X509Certificate2 Usable(Func<X509Certificate2> load, string setting)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = load();
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{setting} could not be read as a PKCS#12 certificate (wrong password, or not a certificate): {e.Message}", e);
        }
        // Data Protection encrypts with the RSA public key and needs the private key to read its keys back.
        if (certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"{setting} must be an RSA certificate with its private key.");
        return certificate;
    }
}

/// <summary>Says once at start-up when installed workspaces' tokens would be protected by keys stored in plaintext.</summary>
public sealed class SlackKeyRingWarning(
    SlackKeyRingCertificates certificates, IOptions<SlackOptions> options, ILogger<SlackKeyRingWarning> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.OAuthEnabled && certificates.Current is null)
            log.LogWarning(
                "The Slack token key ring is stored unencrypted: set Slack:KeyRingCertificate (or Slack:KeyRingCertificatePath) " +
                "outside Development. See docs/slack.md.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
