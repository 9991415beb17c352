using Microsoft.AspNetCore.DataProtection;
using RecognitionBot.Core.Integrations;

namespace RecognitionBot.Integrations;

/// <summary>Integration secrets encrypted with Data Protection, whose key ring is shared by every instance and encrypted at rest.</summary>
public sealed class DataProtectionSecrets(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("RecognitionBot.Integrations.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
