using System.ComponentModel.DataAnnotations;

namespace RecognitionBot.Core.Storage;

/// <summary>Section <c>Storage</c>: where the tables live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A connection string (Azurite locally). Ignored when <see cref="AccountUri"/> is set.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The table endpoint of an account, reached with DefaultAzureCredential (managed identity in Azure).</summary>
    public Uri? AccountUri { get; set; }

    /// <summary>Prepended to every table name, so tests and instances can share an account without sharing data.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,40}$|^$", ErrorMessage = "Storage:TablePrefix must be letters and digits, starting with a letter.")]
    public string TablePrefix { get; set; } = "";

    /// <summary>
    /// How many connections this instance keeps open to the table endpoint at most; further requests wait for one.
    /// A burst then reuses warm connections instead of opening dozens at once, which on Azurite stalled requests for
    /// seconds (bench/README.md). 16 connections carry thousands of requests a second against Azure.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConnections { get; set; } = 16;

    /// <summary>
    /// How long one storage request may take before the SDK gives up on it (and retries, at most twice). Storage that
    /// hangs (a paused or overloaded account) then fails instead of holding a request for the SDK's default 100 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A person's command gets this long for all its storage work; past it they are told to try again (nothing was
    /// committed, or the command's delivery key answers a retry). Well within Slack's 3 s ack.
    /// </summary>
    public TimeSpan CommandBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Commands this instance works on at once; more wait at most <see cref="AdmissionWait"/> and are then told it is
    /// busy. Bounds what piles up while storage is slow: waiting is bounded in time, so in number too.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentCommands { get; set; } = 64;

    public TimeSpan AdmissionWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest a request waits for another request of this instance on the same member rows.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(5);
}
