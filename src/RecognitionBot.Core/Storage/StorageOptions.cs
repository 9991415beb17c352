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
}
