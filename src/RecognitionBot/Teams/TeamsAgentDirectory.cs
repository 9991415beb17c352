using RecognitionBot.Core.Integrations;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams;

/// <summary>
/// Helpdesk agents by their work email, from Microsoft Graph (<c>GET /users?$filter=mail eq ...</c>, User.Read.All).
/// The person found is remembered, as a manager Graph names is, so the core's directory knows them.
/// </summary>
public sealed class TeamsAgentDirectory(GraphDirectory graph, TeamsReferences references, ILogger<TeamsAgentDirectory> log) : IAgentDirectory
{
    public Platform Platform => Platform.Teams;

    public async Task<MemberId?> FindByEmailAsync(WorkspaceId workspace, string email, CancellationToken cancellationToken)
    {
        GraphPerson? person;
        try
        {
            person = await graph.FindByMailAsync(workspace.Id, email, cancellationToken);
        }
        catch (GraphUnavailableException e)
        {
            log.LogWarning(e, "Graph could not look up an agent by email in {Tenant}", workspace.Id);
            return null;
        }
        if (person is null) return null;
        await references.SavePersonAsync(workspace, new TeamsPerson(person.AadObjectId, person.DisplayName, TenantId: workspace.Id), cancellationToken);
        return new MemberId(person.AadObjectId);
    }
}
