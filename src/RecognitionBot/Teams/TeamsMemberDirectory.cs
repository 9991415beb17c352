using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Teams;

/// <summary>
/// The core's people directory for Teams: a member is someone the bot has met in this tenant (through an activity
/// or the roster). The adapter resolves every mention through the connector before it asks the core, so a
/// recipient who is really in the team is always known here; an unresolvable mention stays unknown. Guests and people
/// of another tenant (shared channels) are outsiders; admins are the configured people and the admin group's members.
/// </summary>
public sealed class TeamsMemberDirectory(TeamsReferences references, TeamsAdmins admins) : IMemberDirectory
{
    public Platform Platform => Platform.Teams;

    public async Task<MemberProfile?> FindAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken)
    {
        // Bot Framework ids of bots start with "28:"; they can be mentioned but never receive kudos.
        if (member.Value.StartsWith("28:", StringComparison.Ordinal))
            return new MemberProfile(member, member.Value, IsBot: true, IsDeactivated: false, IsPlatformAdmin: false);
        var person = await references.FindPersonAsync(workspace, member, cancellationToken);
        if (person is null) return null;
        var outsider = person.IsOutsiderOf(workspace.Id);
        var admin = !person.IsBot && !outsider && await admins.IsAdminAsync(workspace.Id, member.Value, cancellationToken);
        return new MemberProfile(member, person.Name, person.IsBot, IsDeactivated: false, IsPlatformAdmin: admin, IsOutsider: outsider);
    }
}

/// <summary>Approvers from Microsoft Graph: the requester's manager in the customer's tenant, when Graph may say.</summary>
public sealed class TeamsManagerLookup(
    GraphManagerLookup graph,
    TeamsReferences references,
    Microsoft.Extensions.Options.IOptions<TeamsOptions> options,
    ILogger<TeamsManagerLookup> logger) : IManagerLookup
{
    public Platform Platform => Platform.Teams;

    public async Task<MemberId?> FindManagerAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken)
    {
        // Without app credentials (local development) there is no Graph token: the workspace approvers decide.
        if (!options.Value.Authenticated || !Guid.TryParse(workspace.Id, out _)) return null;
        try
        {
            var manager = await graph.FindManagerAsync(workspace.Id, member.Value, cancellationToken);
            if (manager is null) return null;
            // Remember the manager's name so the approval card and notices can mention them.
            await references.SavePersonAsync(
                workspace, new TeamsPerson(manager.AadObjectId, manager.DisplayName ?? manager.Mail ?? manager.AadObjectId), cancellationToken);
            return new MemberId(manager.AadObjectId);
        }
        catch (Exception e) when (
            e is HttpRequestException or TaskCanceledException or Microsoft.Kiota.Abstractions.ApiException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Graph could not be reached for the manager of {Member} in {Tenant}; using the workspace approvers", member, workspace.Id);
            return null;
        }
    }
}
