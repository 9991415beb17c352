namespace RecognitionBot.Web;

/// <summary>A link of the dashboard's navigation, shown to those the policy lets in.</summary>
public sealed record DashboardLink(string Path, string TextKey, string Policy);

/// <summary>The navigation, in order. Each page adds its own line here (append: others add theirs).</summary>
public static class DashboardNav
{
    public static readonly IReadOnlyList<DashboardLink> Links =
    [
        new("/dashboard", "Nav.MyKudos", DashboardAuth.Member),
        new("/dashboard/people", "Nav.MyPeople", DashboardAuth.Approver),
    ];

    public static bool Allows(DashboardMember member, string policy) => policy switch
    {
        DashboardAuth.Member => true,
        DashboardAuth.Approver => member.IsApprover,
        DashboardAuth.Admin => member.Roles.Admin,
        _ => false,
    };
}
