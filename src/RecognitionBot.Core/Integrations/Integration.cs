using System.ComponentModel.DataAnnotations;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Integrations;

/// <summary>
/// A helpdesk that may post customer compliments to this workspace: one per helpdesk (its name) and workspace. The
/// secret that signs its requests is kept encrypted (<see cref="ProtectedSecret"/>); the plain secret is shown once.
/// </summary>
public sealed record Integration(
    string Id,
    WorkspaceId Workspace,
    string Name,
    string ProtectedSecret,
    int Points,
    string ChannelId,
    string? TeamId,
    MemberId CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>Encrypts secrets before they reach storage (the host's Data Protection key ring, itself encrypted at rest).</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}

/// <summary>
/// What the core has when the host configured no encryption (a core without a host: benchmarks, tools): it refuses to
/// make secrets rather than keep one in plain text.
/// </summary>
internal sealed class NoSecretProtector : ISecretProtector
{
    public string Protect(string secret) => throw new InvalidOperationException("No secret protection is configured: integrations cannot be created.");

    public string Unprotect(string protectedSecret) => throw new InvalidOperationException("No secret protection is configured.");
}

/// <summary>Finds a workspace member by their work email (Slack <c>users.lookupByEmail</c>); null when nobody has it.</summary>
public interface IAgentDirectory
{
    Platform Platform { get; }

    Task<MemberId?> FindByEmailAsync(WorkspaceId workspace, string email, CancellationToken cancellationToken);
}

/// <summary>Section <c>CustomerKudos</c>: the endpoint's address as helpdesks see it, and the rate it accepts.</summary>
public sealed class CustomerKudosOptions
{
    public const string Section = "CustomerKudos";

    /// <summary>The host's public address, so <c>admin integration add</c> can show the whole URL (else the path only).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Ratings one integration may send at once before the sustained rate applies (a day replayed fits).</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 1000;

    /// <summary>Ratings per second one integration may send, sustained, beyond the burst; past it: 429 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int PerSecond { get; set; } = 50;

    /// <summary>How far a request's timestamp may be from now, either way.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body accepted: a rating with a long comment is a few KB.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
