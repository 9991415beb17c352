namespace RecognitionBot.Dashboard.Admin;

/// <summary>The admin pages' addresses, in one place: the endpoints map them, the pages link and post to them.</summary>
public static class AdminRoutes
{
    public const string Root = "/dashboard/admin";
    public const string Overview = Root + "/overview";
    public const string Catalog = Root + "/catalog";
    public const string CatalogAdd = Catalog + "/add";
    public const string CatalogEdit = Catalog + "/edit";
    public const string CatalogRestock = Catalog + "/restock";
    public const string CatalogRetire = Catalog + "/retire";
    public const string Settings = Root + "/settings";
    public const string SettingsAllowance = Settings + "/allowance";
    public const string SettingsValues = Settings + "/values";
    public const string SettingsApprovers = Settings + "/approvers";
    public const string SettingsAdmins = Settings + "/admins";
    public const string SettingsRoles = Settings + "/roles";
    public const string SettingsTimeZone = Settings + "/timezone";
    public const string SettingsLanguage = Settings + "/language";
    public const string SettingsCelebrations = Settings + "/celebrations";
    public const string Audit = Root + "/audit";
    public const string Export = Root + "/export";
    public const string ExportDownload = Export + "/download";

    /// <summary>The pages, in the order the navigation lists them, with their titles' catalogue keys.</summary>
    public static readonly IReadOnlyList<(string Path, string TitleKey)> Pages =
    [
        (Overview, "AdminPage.Nav.Overview"),
        (Catalog, "AdminPage.Nav.Catalog"),
        (Settings, "AdminPage.Nav.Settings"),
        (Audit, "AdminPage.Nav.Audit"),
        (Export, "AdminPage.Nav.Export"),
    ];
}
