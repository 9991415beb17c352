using Azure;

namespace RecognitionBot.Core.Storage;

/// <summary>
/// What counts as storage being unavailable rather than a bug: the one definition the core's pipeline and the
/// adapters' best-effort writes share. A 403 is a revoked or expired key (an outage to the user); 4xx otherwise
/// (404, 409, 412) are answers our code handles where it expects them, and anywhere else they are bugs to surface.
/// </summary>
public static class StorageFaults
{
    public static bool IsFault(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or >= 500 or 403,
        HttpRequestException or TaskCanceledException or TimeoutException => true,
        AggregateException a => a.InnerExceptions.All(IsFault),
        _ => false,
    };
}
