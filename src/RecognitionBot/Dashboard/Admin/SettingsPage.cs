using System.Globalization;
using System.Text;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>The settings: one small form per setting, each posting to the admin handler that changes it.</summary>
public static class SettingsPage
{
    public static readonly IReadOnlyList<string> Languages = ["en", "it", "sv"];

    public static string Render(AdminSettingsView view, AdminHtml h)
    {
        var s = view.Settings;
        var sb = new StringBuilder();

        Section(sb, h, "allowance", "AdminPage.Settings.Allowance", h.Form(AdminRoutes.SettingsAllowance,
            h.Input("allowance-points", "points", "AdminPage.Settings.AllowancePoints", "number", Number(s.Allowance),
                " required min=\"1\" inputmode=\"numeric\"")
            + h.Select("allowance-period", "period", "AdminPage.Settings.Period",
                Enum.GetValues<AllowancePeriod>().Select(p => (p.ToString(), h.T[$"AdminPage.Settings.{p}"], p == s.AllowancePeriod)))
            + h.Button("AdminPage.Settings.Save")));

        Section(sb, h, "values", "AdminPage.Settings.Values",
            List(s.Values.Select((v, i) => AdminHtml.Encode(v) + " " + h.Form(AdminRoutes.SettingsValues,
                AdminHtml.Hidden("op", "remove") + AdminHtml.Hidden("value", v) + h.Button("AdminPage.Settings.Remove"),
                h.T["AdminPage.Settings.Remove"] + ": " + v)), null, h)
            + h.Form(AdminRoutes.SettingsValues, AdminHtml.Hidden("op", "add")
                + h.Input("value-new", "value", "AdminPage.Settings.NewValue", extra: " required maxlength=\"40\" autocomplete=\"off\"")
                + h.Button("AdminPage.Settings.Add")));

        Section(sb, h, "approvers", "AdminPage.Settings.Approvers", People(h, AdminRoutes.SettingsApprovers, s.Approvers, view.People, "approver",
            "AdminPage.Settings.NoApprovers"));
        Section(sb, h, "admins", "AdminPage.Settings.Admins", People(h, AdminRoutes.SettingsAdmins, s.Admins, view.People, "admin",
            "AdminPage.Settings.NoAdmins"));

        var managers = view.People.Where(p => p.IsManager).Select(p => p.Member).ToList();
        Section(sb, h, "roles", "AdminPage.Settings.Roles",
            $"<h3>{h["AdminPage.Settings.Managers"]}</h3>"
            + List(managers.Select(m => h.Name(m) + " " + h.Form(AdminRoutes.SettingsRoles,
                AdminHtml.Hidden("member", m.Value) + AdminHtml.Hidden("role", "member") + h.Button("AdminPage.Settings.Remove"),
                h.T["AdminPage.Settings.Remove"] + ": " + m.Value)), "AdminPage.Settings.NoManagers", h)
            + h.Form(AdminRoutes.SettingsRoles, Chooser(h, "role-member", view.People.Select(p => p.Member))
                + h.Select("role-role", "role", "AdminPage.Settings.Role",
                    [("manager", h.T["AdminPage.Settings.RoleManager"], true), ("member", h.T["AdminPage.Settings.RoleMember"], false)])
                + h.Button("AdminPage.Settings.Save")));

        Section(sb, h, "timezone", "AdminPage.Settings.TimeZone", h.Form(AdminRoutes.SettingsTimeZone,
            h.Input("timezone-id", "timeZone", "AdminPage.Settings.TimeZoneField", value: s.TimeZone,
                extra: " required list=\"zones\" autocomplete=\"off\" spellcheck=\"false\"")
            + "<datalist id=\"zones\">"
            + string.Concat(TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => $"<option value=\"{AdminHtml.Encode(z.Id)}\"></option>"))
            + "</datalist>" + h.Button("AdminPage.Settings.Save")));

        Section(sb, h, "language", "AdminPage.Settings.Language", h.Form(AdminRoutes.SettingsLanguage,
            h.Select("language-code", "language", "AdminPage.Settings.Language", Languages.Select(l => (l, h.T[$"Language.{l}"], l == s.DefaultLocale)))
            + h.Button("AdminPage.Settings.Save")));

        Section(sb, h, "celebrations", "AdminPage.Settings.Celebrations", h.Form(AdminRoutes.SettingsCelebrations,
            h.Input("celebrations-channel", "channel", "AdminPage.Settings.ChannelField", value: s.CelebrationChannel,
                extra: " maxlength=\"200\" autocomplete=\"off\" spellcheck=\"false\"")
            + h.Button("AdminPage.Settings.Save")));
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, AdminHtml h, string id, string titleKey, string content) =>
        sb.Append("<section aria-labelledby=\"").Append(id).Append("\"><h2 id=\"").Append(id).Append("\">").Append(h[titleKey]).Append("</h2>")
            .Append(content).Append("</section>");

    private static string List(IEnumerable<string> items, string? emptyKey, AdminHtml h)
    {
        var list = items.ToList();
        if (list.Count == 0) return emptyKey is null ? "" : $"<p>{h[emptyKey]}</p>";
        return "<ul class=\"chips\">" + string.Concat(list.Select(i => $"<li>{i}</li>")) + "</ul>";
    }

    /// <summary>The people holding a role, each with Remove, then a chooser to add someone.</summary>
    private static string People(
        AdminHtml h, string action, IReadOnlyList<MemberId> holders, IReadOnlyList<SettingsPerson> people, string id, string emptyKey) =>
        List(holders.Select(m => h.Name(m) + " " + h.Form(action,
            AdminHtml.Hidden("op", "remove") + AdminHtml.Hidden("member", m.Value) + h.Button("AdminPage.Settings.Remove"),
            h.T["AdminPage.Settings.Remove"] + ": " + m.Value)), emptyKey, h)
        + h.Form(action, AdminHtml.Hidden("op", "add") + Chooser(h, $"{id}-member", people.Select(p => p.Member).Where(p => !holders.Contains(p)))
            + h.Button("AdminPage.Settings.Add"));

    private static string Chooser(AdminHtml h, string id, IEnumerable<MemberId> people) =>
        h.Select(id, "member", "AdminPage.Settings.Person",
            [("", h.T["AdminPage.Settings.Nobody"], true), .. people.Select(p => (p.Value, h.PlainName(p), false))]);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
