using MeetingRoom.Domain.Members;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>Which members to list: a search (part of the name or email, any case), a role, a status; null = any.</summary>
public sealed record MemberFilter(string? Search = null, MemberRole? Role = null, MemberStatus? Status = null);
