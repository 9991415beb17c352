namespace RecognitionBot.Slack;

// Typed views of the Web API responses the app reads. Only the fields it uses; the rest of Slack's JSON is ignored.

public sealed record PostedMessage(string Channel, string Ts);

public sealed record SlackUser(string Id, string? TeamId = null, string? Name = null, string? RealName = null)
{
    public bool Deleted { get; init; }

    public bool IsBot { get; init; }

    public bool IsAppUser { get; init; }

    public bool IsAdmin { get; init; }

    public bool IsOwner { get; init; }

    public bool IsPrimaryOwner { get; init; }

    public bool IsRestricted { get; init; }

    /// <summary>Slack Connect: the user belongs to another organisation and only shares a channel with this one.</summary>
    public bool IsStranger { get; init; }

    /// <summary>BCP 47, e.g. <c>it-IT</c>; present because users.info is called with include_locale.</summary>
    public string? Locale { get; init; }

    /// <summary>IANA zone, e.g. <c>Europe/Rome</c>.</summary>
    public string? Tz { get; init; }

    public SlackUserProfile? Profile { get; init; }

    /// <summary>Present on Enterprise Grid: the user belongs to the organisation, not only to one team.</summary>
    public SlackEnterpriseUser? EnterpriseUser { get; init; }

    /// <summary>Slackbot is neither flagged as a bot nor a person anyone should recognise.</summary>
    public bool IsPerson => !IsBot && !IsAppUser && !Deleted && Id != "USLACKBOT";

    public string DisplayName => Profile?.DisplayName is { Length: > 0 } d ? d : Profile?.RealName ?? RealName ?? Name ?? Id;
}

public sealed record SlackEnterpriseUser(string? EnterpriseId = null);

public sealed record SlackUserProfile(string? DisplayName = null, string? RealName = null);

/// <summary>What auth.test says a token is: the team (and, for an org-wide install, the enterprise) it acts in.</summary>
public sealed record SlackAuthIdentity(string TeamId, string? UserId = null)
{
    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    /// <summary>Whether the token may act for <paramref name="teamId"/> (of <paramref name="enterpriseId"/>, on Enterprise Grid).</summary>
    public bool Serves(string teamId, string? enterpriseId) =>
        teamId == TeamId || (IsEnterpriseInstall && !string.IsNullOrEmpty(EnterpriseId) && enterpriseId == EnterpriseId);
}

public sealed record SlackTeamRef(string Id, string? Name = null);

public sealed record SlackAuthedUser(string Id);

/// <summary>The oauth.v2.access answer for a bot install.</summary>
public sealed record OAuthV2Access(string AccessToken, string TokenType, string Scope, string BotUserId, string AppId)
{
    public SlackTeamRef? Team { get; init; }

    public SlackTeamRef? Enterprise { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public SlackAuthedUser? AuthedUser { get; init; }
}
