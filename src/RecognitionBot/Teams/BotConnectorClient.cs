using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RecognitionBot.Teams;

/// <summary>
/// The Bot Connector REST API (PROTOCOLS A3) against the service URL Teams gave us for a conversation. Retries are
/// done by <see cref="ConnectorRetryHandler"/>; whatever still fails is thrown as a <see cref="BotConnectorException"/>.
/// </summary>
public sealed class BotConnectorClient(IHttpClientFactory httpClientFactory, MsalTokenSource tokens, ILogger<BotConnectorClient> logger)
{
    public const string HttpClientName = "botframework-connector";

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, ct);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity with { ReplyToId = replyToId }, ct);

    /// <summary>Edits a message the bot sent: the card changes for everyone in the conversation.</summary>
    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl,
            $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity with { Id = activityId }, ct);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
        CallAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, ct);

    /// <summary>Opens (or finds) the bot's 1:1 chat with a user: member id is the 29: id or the AAD object id.</summary>
    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(
        string serviceUrl, string botId, string memberId, string tenantId, CancellationToken ct) =>
        CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = memberId }],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
            TenantId = tenantId,
        }, ct);

    public Task<PagedMembersResult> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, CancellationToken ct = default)
    {
        var query = $"?pageSize={Math.Clamp(pageSize, 50, 500)}";
        if (!string.IsNullOrEmpty(continuationToken)) query += $"&continuationToken={Uri.EscapeDataString(continuationToken)}";
        return CallAsync<PagedMembersResult>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/pagedmembers{query}", null, ct);
    }

    /// <summary>Every member of a conversation, following continuation tokens.</summary>
    public async IAsyncEnumerable<TeamsChannelAccount> GetAllMembersAsync(
        string serviceUrl, string conversationId, int pageSize = 500,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? continuation = null;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, pageSize, continuation, ct);
            foreach (var member in page.Members) yield return member;
            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));
    }

    /// <summary>One member of a conversation (29: id, AAD object id or UPN), or null if Teams does not know them there.</summary>
    public async Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct)
    {
        try
        {
            return await CallAsync<TeamsChannelAccount>(HttpMethod.Get, serviceUrl,
                $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, ct);
        }
        catch (BotConnectorException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<T> CallAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, Combine(serviceUrl, path));
        if (body is not null)
        {
            // Bytes, not a stream: the retry handler may send the same request again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        var token = await tokens.ConnectorTokenAsync(ct);
        if (token is not null)
        {
            // Service URLs come from validated activities (their token's serviceurl claim); a token still never
            // travels in clear text, whatever a stored reference says.
            if (request.RequestUri!.Scheme != Uri.UriSchemeHttps)
                throw new BotConnectorException(HttpStatusCode.BadRequest, "InsecureServiceUrl", "A connector token is only sent over https.", null);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // A client per call from the factory: this class lives as long as the app, its handlers should not.
        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = BotConnectorException.From(response.StatusCode, text, ConnectorRetryHandler.OperationId(response), response.Headers.RetryAfter?.Delta);
            logger.LogWarning("Connector {Method} {Path} failed with {Status} {Code} (operation {Operation})",
                method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, error.Code, error.OperationId);
            throw error;
        }
        // Some operations answer 200 with no body; "{}" then gives an empty response object.
        return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(text) ? "{}" : text, BotJson.Options)
            ?? throw new BotConnectorException(response.StatusCode, "EmptyResponse", null, null);
    }

    // Conversation ids carry ':', ';' and '@', which must not be read as URL syntax.
    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static Uri Combine(string serviceUrl, string path)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/";
        return new Uri(root + path);
    }
}

/// <summary>A connector call that failed for good (after retries), with Teams' error code, e.g. MessageWritesBlocked.</summary>
public sealed class BotConnectorException(HttpStatusCode status, string? code, string? message, string? operationId, TimeSpan? retryAfter = null)
    : Exception($"The Bot Connector answered {(int)status} {code}: {message}")
{
    /// <summary>How long Teams asked us to wait (429), for the outbox to honour.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public HttpStatusCode Status { get; } = status;
    public string? Code { get; } = code;
    public string? OperationId { get; } = operationId;

    /// <summary>Worth trying again later (throttling, Teams unavailable), as opposed to a request Teams will always refuse.</summary>
    public bool IsTransient => ConnectorRetryHandler.IsTransient(Status) || Status == HttpStatusCode.RequestTimeout;

    internal static BotConnectorException From(HttpStatusCode status, string body, string? operationId, TimeSpan? retryAfter)
    {
        string? code = null, message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
            if (doc.RootElement.TryGetProperty("subCode", out var sub) && sub.ValueKind == JsonValueKind.String) code = sub.GetString();
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page): the status says enough.
        }
        return new BotConnectorException(status, code, message, operationId, retryAfter);
    }
}
