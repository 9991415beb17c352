using System.Globalization;
using System.Text;
using RecognitionBot.Core.Rewards;

namespace RecognitionBot.Dashboard.Admin;

/// <summary>The catalog: a form to add a reward, then each live reward with its edit, restock and retire forms.</summary>
public static class CatalogPage
{
    public static string Render(IReadOnlyList<Reward> rewards, AdminHtml h)
    {
        var sb = new StringBuilder();
        sb.Append("<section aria-labelledby=\"add\"><h2 id=\"add\">").Append(h["AdminPage.Catalog.Add"]).Append("</h2>");
        sb.Append(h.Form(AdminRoutes.CatalogAdd,
            h.Input("add-name", "name", "AdminPage.Catalog.Name", extra: " required maxlength=\"80\" autocomplete=\"off\"")
            + h.Input("add-cost", "cost", "AdminPage.Catalog.Cost", "number", extra: " required min=\"1\" inputmode=\"numeric\"")
            + h.Input("add-stock", "stock", "AdminPage.Catalog.Stock", "number", extra: " min=\"1\" inputmode=\"numeric\"")
            + h.Input("add-limit", "monthlyLimit", "AdminPage.Catalog.MonthlyLimit", "number", extra: " min=\"1\" inputmode=\"numeric\"")
            + h.Checkbox("add-approval", "needsApproval", "AdminPage.Catalog.NeedsApproval", true)
            + h.Button("AdminPage.Catalog.AddButton")));
        sb.Append("</section>");

        sb.Append("<section aria-labelledby=\"rewards\"><h2 id=\"rewards\">").Append(h["AdminPage.Catalog.Rewards"]).Append("</h2>");
        if (rewards.Count == 0) sb.Append("<p>").Append(h["AdminPage.Catalog.Empty"]).Append("</p>");
        sb.Append("<p class=\"note\" id=\"retire-note\">").Append(h["AdminPage.Catalog.RetireNote"]).Append("</p>");
        foreach (var (reward, i) in rewards.Select((r, i) => (r, i)))
        {
            var id = $"r{i.ToString(CultureInfo.InvariantCulture)}";
            var name = AdminHtml.Encode(reward.Name);
            sb.Append("<article class=\"reward\" aria-labelledby=\"").Append(id).Append("-title\">");
            sb.Append("<h3 id=\"").Append(id).Append("-title\">").Append(name).Append(" <code>").Append(AdminHtml.Encode(reward.Id)).Append("</code></h3>");
            sb.Append("<p>").Append(reward.Left is { } left ? h.Format("AdminPage.Catalog.Left", h.T.Number(left)) : h["AdminPage.Catalog.Unlimited"])
                .Append("</p>");
            sb.Append(h.Form(AdminRoutes.CatalogEdit,
                AdminHtml.Hidden("rewardId", reward.Id)
                + h.Input($"{id}-name", "name", "AdminPage.Catalog.Name", value: reward.Name, extra: " required maxlength=\"80\" autocomplete=\"off\"")
                + h.Input($"{id}-cost", "cost", "AdminPage.Catalog.Cost", "number", Number(reward.Cost), " required min=\"1\" inputmode=\"numeric\"")
                + h.Input($"{id}-limit", "monthlyLimit", "AdminPage.Catalog.MonthlyLimit", "number",
                    reward.MonthlyLimit is { } m ? Number(m) : null, " min=\"1\" inputmode=\"numeric\"")
                + h.Checkbox($"{id}-approval", "needsApproval", "AdminPage.Catalog.NeedsApproval", reward.NeedsApproval)
                + h.Button("AdminPage.Catalog.Save"), h.T["AdminPage.Catalog.Save"] + ": " + reward.Name));
            if (reward.Stock is not null)
                sb.Append(h.Form(AdminRoutes.CatalogRestock,
                    AdminHtml.Hidden("rewardId", reward.Id)
                    + h.Input($"{id}-quantity", "quantity", "AdminPage.Catalog.Quantity", "number", extra: " required min=\"1\" inputmode=\"numeric\"")
                    + h.Button("AdminPage.Catalog.Restock"), h.T["AdminPage.Catalog.Restock"] + ": " + reward.Name));
            sb.Append(h.Form(AdminRoutes.CatalogRetire,
                AdminHtml.Hidden("rewardId", reward.Id) + h.Button("AdminPage.Catalog.Retire", "retire-note", danger: true),
                h.T["AdminPage.Catalog.Retire"] + ": " + reward.Name));
            sb.Append("</article>");
        }
        return sb.Append("</section>").ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
