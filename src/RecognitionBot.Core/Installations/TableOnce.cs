using Azure.Data.Tables;

namespace RecognitionBot.Core.Installations;

/// <summary>Creates a table on first use, once per process, so a store works whether or not start-up created it.</summary>
internal sealed class TableOnce(TableClient table)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_done) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_done) return;
            await table.CreateIfNotExistsAsync(ct);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Ensure()
    {
        if (_done) return;
        _gate.Wait();
        try
        {
            if (_done) return;
            table.CreateIfNotExists();
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
