namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>A token just created: <paramref name="Token"/> is shown this once (only its hash is stored). Instants in the site's offset.</summary>
public sealed record ApiTokenCreated(Guid Id, string Name, string Token, DateTimeOffset CreatedAt);
