using System.Globalization;
using System.Resources;

namespace RecognitionBot.Web.Tabs;

/// <summary>The Teams tab pages' own words (TabTexts.resx and its translations), in en, it and sv.</summary>
public static class TabTexts
{
    public const string Title = nameof(Title);
    public const string SigningIn = nameof(SigningIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string OutsideTeams = nameof(OutsideTeams);
    public const string OpenDashboard = nameof(OpenDashboard);
    public const string ConfigureTitle = nameof(ConfigureTitle);
    public const string ConfigureBody = nameof(ConfigureBody);
    public const string ConfigureConfirm = nameof(ConfigureConfirm);
    public const string ConfigureReady = nameof(ConfigureReady);
    public const string ConfigureChannelsOnly = nameof(ConfigureChannelsOnly);
    public const string Week = nameof(Week);
    public const string Month = nameof(Month);
    public const string Periods = nameof(Periods);

    private static readonly ResourceManager _resources = new("RecognitionBot.Web.Tabs.TabTexts", typeof(TabTexts).Assembly);

    public static string Get(string name, CultureInfo culture) =>
        _resources.GetString(name, culture) ?? throw new InvalidOperationException($"Missing tab text '{name}'.");
}
