namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>A token as listed (never the token itself). Instants in the site's offset; <paramref name="LastUsedAt"/> to the minute, null: never used.</summary>
public sealed record ApiTokenDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);
