using System.Globalization;
using System.Text;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>
/// A bar chart as inline SVG that reads without JavaScript or CSS: a title and description for screen readers (the
/// numbers are also in a table beside it), labelled axes, a value above each bar and a tooltip title on each.
/// </summary>
public static class SvgBarChart
{
    private const int BarWidth = 28, Gap = 12, Height = 160, Left = 44, Top = 20, Bottom = 46;

    /// <summary>One bar: its label under the axis, its value, and the value as the reader's culture writes it.</summary>
    public sealed record Bar(string Label, int Value, string Shown);

    /// <param name="id">A page-unique id for the title and description elements.</param>
    public static string Render(string id, string title, string description, string axis, IReadOnlyList<Bar> bars, CultureInfo culture)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var scale = NiceCeiling(max);
        var width = Left + bars.Count * (BarWidth + Gap) + Gap;
        // Room under the bars for the longest label, slanted at 40 degrees (about 4 px of height per character).
        var bottom = Math.Max(Bottom, 24 + 4 * bars.Select(b => b.Label.Length).DefaultIfEmpty(0).Max());
        var total = Top + Height + bottom;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" role=\"img\" ")
            .Append(CultureInfo.InvariantCulture, $"aria-labelledby=\"{id}-title {id}-desc\" preserveAspectRatio=\"xMinYMin meet\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{AdminHtml.Encode(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{AdminHtml.Encode(description)}</desc>");
        // The value axis: 0, half and the top, with faint grid lines.
        foreach (var tick in new[] { 0, scale / 2, scale }.Distinct())
        {
            var y = Top + Height - tick * Height / scale;
            sb.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{width - Gap / 2}\" y2=\"{y}\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 6}\" y=\"{y + 4}\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">{tick.ToString("N0", culture)}</text>");
        }
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Top + Height / 2}\" transform=\"rotate(-90 12 {Top + Height / 2})\" ")
            .Append(CultureInfo.InvariantCulture, $"text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{AdminHtml.Encode(axis)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var h = bar.Value * Height / scale;
            var x = Left + Gap + i * (BarWidth + Gap);
            var y = Top + Height - h;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{BarWidth}\" height=\"{Math.Max(h, 1)}\" fill=\"#2b5797\">")
                .Append(CultureInfo.InvariantCulture, $"<title>{AdminHtml.Encode(bar.Label)}: {AdminHtml.Encode(bar.Shown)}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + BarWidth / 2}\" y=\"{y - 4}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#111\">{AdminHtml.Encode(bar.Shown)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BarWidth / 2}\" y=\"{Top + Height + 14}\" text-anchor=\"end\" font-size=\"10\" ")
                .Append(CultureInfo.InvariantCulture,
                    $"fill=\"#333\" transform=\"rotate(-40 {x + BarWidth / 2} {Top + Height + 14})\">{AdminHtml.Encode(bar.Label)}</text>");
        }
        return sb.Append("</svg>").ToString();
    }

    // 1, 2, 5 times a power of ten: axis labels people read at a glance.
    private static int NiceCeiling(int max)
    {
        for (var power = 1; ; power *= 10)
            foreach (var step in new[] { 1, 2, 5 })
                if (step * power >= max) return step * power;
    }
}
