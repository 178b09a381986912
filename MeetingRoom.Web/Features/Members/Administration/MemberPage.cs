namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>One page of the member list and how many members match in all.</summary>
public sealed record MemberPage(IReadOnlyList<MemberRow> Items, int Total);
