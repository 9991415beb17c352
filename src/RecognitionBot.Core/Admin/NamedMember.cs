using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Kudos;
using RecognitionBot.Core.Members;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Admin;

/// <summary>
/// A member an admin names, with the platform directory's word on them (asked before the change). Without a
/// directory to ask (<see cref="Asked"/> false) the platform's mention is taken as it is.
/// </summary>
public sealed record NamedMember(MemberId Member, MemberProfile? Profile, bool Asked = true)
{
    /// <summary>Why this member cannot be named in an admin change: gone, unknown, a bot or from another organisation.</summary>
    public Refused? Refusal => Asked ? KudosRules.CheckRecipients([(Member, Profile)]) : null;
}
