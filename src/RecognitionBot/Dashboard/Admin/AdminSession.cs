using System.Security.Claims;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>Who is signed in to the dashboard: the workspace and the member the session was opened for.</summary>
public sealed record AdminSession(WorkspaceId Workspace, MemberId Member)
{
    // Placeholder until the web foundation's session is merged: its claims name the workspace (key) and the member.
    public const string WorkspaceClaim = "recognitionbot:workspace";
    public const string MemberClaim = "recognitionbot:member";

    public static AdminSession? Read(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        var workspace = user.FindFirstValue(WorkspaceClaim);
        var member = user.FindFirstValue(MemberClaim);
        if (string.IsNullOrEmpty(workspace) || string.IsNullOrEmpty(member)) return null;
        try
        {
            return new AdminSession(WorkspaceId.Parse(workspace), new MemberId(member));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
