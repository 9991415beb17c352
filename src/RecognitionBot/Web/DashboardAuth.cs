using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace RecognitionBot.Web;

/// <summary>The dashboard's schemes and policies. Roles are asked of the core on each request, never kept in the cookie.</summary>
public static class DashboardAuth
{
    public const string CookieScheme = "Dashboard";
    public const string SlackScheme = "SignInWithSlack";
    public const string EntraScheme = "EntraId";

    public const string Member = nameof(Member);
    public const string Approver = nameof(Approver);
    public const string Admin = nameof(Admin);

    public const string SignInPath = "/dashboard/signin";

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(Member, p => p.AddAuthenticationSchemes(CookieScheme).AddRequirements(new DashboardRole(Member)));
        options.AddPolicy(Approver, p => p.AddAuthenticationSchemes(CookieScheme).AddRequirements(new DashboardRole(Approver)));
        options.AddPolicy(Admin, p => p.AddAuthenticationSchemes(CookieScheme).AddRequirements(new DashboardRole(Admin)));
    }

    /// <summary>The session cookie: HTTP only, Lax, this path only; a forbidden page answers 403 (no redirect).</summary>
    public static void ConfigureCookie(CookieAuthenticationOptions options, DashboardOptions settings, bool production)
    {
        options.Cookie.Name = "recbot.dashboard";
        options.Cookie.Path = "/dashboard";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = settings.SessionLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = SignInPath;
        options.Events.OnRedirectToAccessDenied = async context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await DashboardPages.WriteForbiddenAsync(context.HttpContext);
        };
    }
}

/// <summary>A page for members, approvers (and managers) or admins.</summary>
public sealed record DashboardRole(string Role) : IAuthorizationRequirement;

/// <summary>Asks the core who the person is (once per request) and whether that is enough for the page.</summary>
public sealed class DashboardRoleHandler : AuthorizationHandler<DashboardRole>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, DashboardRole requirement)
    {
        if (context.Resource is not HttpContext http) return;
        if (await DashboardMember.OfAsync(http) is not { } member || member.Roles.HasLeft) return;
        var allowed = requirement.Role switch
        {
            DashboardAuth.Member => true,
            DashboardAuth.Approver => member.IsApprover,
            DashboardAuth.Admin => member.Roles.Admin,
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
    }
}
