using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary>The workspace's lists of people (admins, approvers) with one added or removed; adding twice keeps one.</summary>
internal static class MemberLists
{
    public static IReadOnlyList<MemberId> Change(IReadOnlyList<MemberId> list, MemberId member, bool add) =>
        add ? list.Append(member).Distinct().ToList() : list.Where(m => m != member).ToList();
}
