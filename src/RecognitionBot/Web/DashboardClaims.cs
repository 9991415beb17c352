using System.Security.Claims;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Web;

/// <summary>The session's claims: the workspace and member exactly as the core names them, and how they signed in.</summary>
public static class DashboardClaims
{
    public const string Workspace = "recbot:workspace";
    public const string Member = "recbot:member";
    public const string Name = "recbot:name";
    public const string Method = "recbot:method";

    public static ClaimsPrincipal Principal(WorkspaceId workspace, MemberId member, string? name, string method)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(Workspace, workspace.Key),
                new Claim(Member, member.Value),
                new Claim(Name, string.IsNullOrWhiteSpace(name) ? member.Value : name),
                new Claim(Method, method),
            ],
            DashboardAuth.CookieScheme, Name, null);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in person, or null for anyone else (anonymous, or a principal that is not a dashboard session).</summary>
    public static (WorkspaceId Workspace, MemberId Member, string Name)? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var workspace = user.FindFirst(Workspace)?.Value;
        var member = user.FindFirst(Member)?.Value;
        if (string.IsNullOrEmpty(workspace) || string.IsNullOrEmpty(member)) return null;
        try
        {
            return (WorkspaceId.Parse(workspace), new MemberId(member), user.FindFirst(Name)?.Value ?? member);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
