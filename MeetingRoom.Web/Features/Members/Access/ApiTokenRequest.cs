namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>Body of <c>POST /api/me/api-tokens</c>.</summary>
public sealed record ApiTokenRequest(string? Name);
