using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Kudos;

/// <summary>How many points a member may still give in the current period (managers get their own allowance).</summary>
public static class Allowance
{
    public static AllowanceView Of(MemberRow giver, WorkspaceSettings settings, DateTimeOffset now)
    {
        var zone = settings.Zone;
        var period = Clock.PeriodKey(now, zone, settings.AllowancePeriod);
        // A period's allowance resets lazily: a row from another period counts as unused.
        var used = giver.AllowancePeriod == period ? giver.AllowanceUsed : 0;
        var limit = giver.IsManager ? settings.ManagerAllowance : settings.Allowance;
        return new AllowanceView(limit, used, Clock.PeriodEnd(now, zone, settings.AllowancePeriod));
    }
}
