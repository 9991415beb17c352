using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;

namespace RecognitionBot.Core.Admin.People;

/// <summary>An admin's change to one member's row (role, manager): the row after it, its audit row, the answer.</summary>
public sealed record MemberChangeDecision(MemberRow Next, AuditEntry Audit, AdminDone Result);
