namespace RecognitionBot.Core.Rewards;

/// <summary>A redemption as stored: the request and its decision, and the month whose limit it counts against.</summary>
public sealed record RedemptionRow(Redemption Redemption, string? Month);
