using Microsoft.Extensions.Options;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;

namespace RecognitionBot.Teams;

/// <summary>
/// Whether a person's account is still enabled in the customer's tenant: Graph <c>GET /users/{id}?$select=id,accountEnabled</c>
/// (the property comes only when selected, PROTOCOLS B6). Removal from a team is not leaving the company; a disabled
/// or deleted account is.
/// </summary>
public sealed class GraphAccounts(IOptions<TeamsOptions> options, GraphClients graphClients, ILogger<GraphAccounts> logger)
{
    /// <summary>True: enabled. False: disabled, or no such user any more. Null: Graph may not or could not say.</summary>
    public async Task<bool?> IsEnabledAsync(string tenantId, string userAadObjectId, CancellationToken ct)
    {
        // Without app credentials (local development) there is no Graph token to ask with.
        if (!options.Value.Authenticated || !Guid.TryParse(tenantId, out _)) return null;
        try
        {
            var user = await graphClients.For(tenantId).Users[userAadObjectId].GetAsync(r => r.QueryParameters.Select = ["id", "accountEnabled"], ct);
            return user?.AccountEnabled;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return false;
        }
        catch (ODataError e) when (e.ResponseStatusCode is 401 or 403)
        {
            logger.LogWarning("Graph refused the account check of {User} in {Tenant} ({Status} {Code}); not treated as a leaver",
                userAadObjectId, tenantId, e.ResponseStatusCode, e.Error?.Code);
            return null;
        }
        catch (MsalServiceException e)
        {
            logger.LogWarning("No Graph token for {Tenant} ({Code}); {User} not treated as a leaver", tenantId, e.ErrorCode, userAadObjectId);
            return null;
        }
        catch (Exception e) when (
            e is HttpRequestException or TaskCanceledException or Microsoft.Kiota.Abstractions.ApiException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Graph could not be reached for the account of {User} in {Tenant}; not treated as a leaver", userAadObjectId, tenantId);
            return null;
        }
    }
}
