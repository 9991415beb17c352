using System.Collections.Concurrent;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Core.Storage;

/// <summary>The account's tables. Created once at start-up; every other class only gets clients from here.</summary>
public sealed class TableStore
{
    // One connection pool per process (per limit), as the SDK's own default transport is shared.
    private static readonly ConcurrentDictionary<int, HttpClientTransport> Transports = new();

    private readonly TableServiceClient _service;
    private readonly string _prefix;

    public TableStore(IOptions<StorageOptions> options, IEnumerable<Azure.Core.Pipeline.HttpPipelinePolicy>? policies = null)
    {
        var o = options.Value;
        var clientOptions = new TableClientOptions();
        // Extra policies from DI (measurements, e.g. the benchmark's count of entities read).
        foreach (var policy in policies ?? []) clientOptions.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerCall);
        // The SDK's own retries would hide 412s from our optimistic-concurrency loop; keep them for faults only.
        clientOptions.Retry.MaxRetries = 2;
        // Short waits: a command must still answer within Slack's three seconds when storage is having trouble.
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        clientOptions.Retry.NetworkTimeout = o.RequestTimeout;
        clientOptions.Transport = Transports.GetOrAdd(o.MaxConnections, max => new HttpClientTransport(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = max,
            // New connections now and then, so DNS changes of the endpoint are followed.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseCookies = false,
        }));
        _service = o.AccountUri is { } uri
            ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(o.ConnectionString, clientOptions);
        _prefix = o.TablePrefix;
        Ledger = Client("ledger");
        Workspaces = Client("workspaces");
        Digests = Client("digests");
        Conversations = Client("conversations");
        Installations = Client("installations");
    }

    public TableClient Ledger { get; }
    public TableClient Workspaces { get; }
    public TableClient Digests { get; }
    public TableClient Conversations { get; }
    public TableClient Installations { get; }

    /// <summary>A table of this store's account and prefix, e.g. for the Data Protection key ring.</summary>
    public TableClient Client(string name) => _service.GetTableClient(_prefix + name);

    public IEnumerable<TableClient> All => [Ledger, Workspaces, Digests, Conversations, Installations];

    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All) await table.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>True when the account answers: used by the readiness probe.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in Ledger.QueryAsync<TableEntity>(filter: "PartitionKey eq '~'", maxPerPage: 1, cancellationToken: cancellationToken))
                break;
            return true;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException or TaskCanceledException)
        {
            return false;
        }
    }
}
