using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Integrations;
using RecognitionBot.Core.Storage;

namespace RecognitionBot.Integrations;

/// <summary>
/// <c>POST /integrations/customer-kudos/{integration id}</c>: a helpdesk's rating, signed with the integration's secret.
/// Anything not signed right (no or a wrong signature, a stale timestamp, a request seen before, an id that is no
/// integration's) gets the same 401 and touches nothing, so ids cannot be probed. Then: 429 past the integration's
/// rate, 400 for a body that is not a rating, 422 for an agent who is nobody here, 200 otherwise (celebrated,
/// duplicate, or ignored as not good). An accepted rating is committed with its posts before the answer: the
/// outbox makes them, paced for the platform, whatever happens to this process after.
/// </summary>
public sealed class CustomerKudosEndpoint : IDisposable
{
    // An id that is nobody's is still checked against a secret, so a wrong id takes as long as a wrong signature.
    private const string NobodysSecret = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly CustomerKudosHandler _handler;
    private readonly CustomerKudosOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<CustomerKudosEndpoint> _log;
    private readonly PartitionedRateLimiter<string> _rate;

    // Ratings of all integrations worked on at once by this instance; the rest wait their turn (the rate bounds how many).
    private readonly SemaphoreSlim _working = new(16, 16);

    // Signatures already answered, for the window: the same signed request again is a replay (another instance's
    // replay still counts its ticket once).
    private readonly BoundedCache<string, bool> _seen;

    public CustomerKudosEndpoint(CustomerKudosHandler handler, IOptions<CustomerKudosOptions> options, TimeProvider clock, ILogger<CustomerKudosEndpoint> log)
    {
        _handler = handler;
        _options = options.Value;
        _clock = clock;
        _log = log;
        _seen = new BoundedCache<string, bool>(200_000, _options.Window * 2);
        _rate = PartitionedRateLimiter.Create<string, string>(id => RateLimitPartition.GetTokenBucketLimiter(id, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.Burst,
            TokensPerPeriod = _options.PerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public async Task<IResult> HandleAsync(HttpContext http, string id, CancellationToken ct)
    {
        byte[] body;
        try
        {
            body = await ReadBodyAsync(http.Request, ct);
        }
        catch (BadHttpRequestException)
        {
            return Results.Json(new { error = "too_large" }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        if (body.Length > _options.MaxBodyBytes) return Results.Json(new { error = "too_large" }, statusCode: StatusCodes.Status413PayloadTooLarge);

        var timestamp = http.Request.Headers[CustomerKudosSignature.TimestampHeader].ToString();
        var signature = http.Request.Headers[CustomerKudosSignature.SignatureHeader].ToString();
        (Integration Integration, string Secret)? found;
        try
        {
            found = await _handler.FindAsync(id, ct);
        }
        catch (Exception e) when (StorageFaults.IsFault(e))
        {
            _log.LogError(e, "Storage failed while looking up integration {Integration}", id);
            return Unavailable();
        }
        var signed = CustomerKudosSignature.Matches(found?.Secret ?? NobodysSecret, timestamp, body, signature);
        if (found is not { } known || !signed || !CustomerKudosSignature.IsFresh(timestamp, _clock.GetUtcNow(), _options.Window)
            || _seen.TryGetValue(signature, out _))
        {
            _log.LogWarning("Customer kudos request for {Integration} refused: {Why}", id,
                found is null ? "no such integration" : !signed ? "bad signature" : _seen.TryGetValue(signature, out _) ? "replayed" : "stale timestamp");
            return Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
        }
        var integration = known.Integration;

        using var lease = _rate.AttemptAcquire(integration.Id);
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { error = "rate_limited", reason = $"More than {_options.PerSecond} ratings a second after a burst of {_options.Burst}." },
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        HelpdeskRating? rating;
        string? error;
        try
        {
            using var json = JsonDocument.Parse(body);
            rating = HelpdeskPayloads.Read(json.RootElement, out error);
        }
        catch (JsonException)
        {
            (rating, error) = (null, "The body is not JSON.");
        }
        if (rating is null)
        {
            _seen[signature] = true;
            return Results.Json(new { error = "bad_request", reason = error }, statusCode: StatusCodes.Status400BadRequest);
        }

        await _working.WaitAsync(ct);
        try
        {
            var outcome = await _handler.HandleAsync(integration, rating, ct);
            if (outcome.Status != CustomerKudosStatus.Busy) _seen[signature] = true;
            return outcome.Status switch
            {
                CustomerKudosStatus.UnknownAgent => Results.Json(new { error = "unknown_agent", reason = outcome.Reason },
                    statusCode: StatusCodes.Status422UnprocessableEntity),
                CustomerKudosStatus.Busy => Unavailable(),
                _ => Results.Json(new { status = outcome.Status.ToString().ToLowerInvariant(), kudos = outcome.Kudos, reason = outcome.Reason }),
            };
        }
        catch (Exception e) when (StorageFaults.IsFault(e))
        {
            _log.LogError(e, "Storage failed while recording a rating of {Integration}", integration.Id);
            return Unavailable();
        }
        finally
        {
            _working.Release();
        }
    }

    private static IResult Unavailable() =>
        Results.Json(new { error = "unavailable", reason = "Storage is not answering: nothing was recorded, send it again." },
            statusCode: StatusCodes.Status503ServiceUnavailable);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public void Dispose()
    {
        _rate.Dispose();
        _seen.Dispose();
        _working.Dispose();
    }
}
