namespace RecognitionBot.Core.Views;

/// <summary>The line chat surfaces end a home or the help with when the deployment has a dashboard.</summary>
public static class DashboardLine
{
    /// <summary><paramref name="view"/> with a last line linking <paramref name="url"/>; as it is when there is no dashboard (null).</summary>
    public static View Append(View view, string? url, ViewText v) => url is null
        ? view
        : view with { Body = [.. view.Body, new ViewLine(v.Compose("Dashboard.Link", new LinkSpan(url, v["Dashboard.Name"])), LineStyle.Subtle)] };
}
