using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>What inviting someone did: the member's id, and the link to pass on by hand when no SMTP server is configured (else null).</summary>
public sealed record InvitationSent(string MemberId, string Email, string? Link);

/// <summary>Invitations by email (P1). STUB: filled in by the invitations part.</summary>
public sealed class InvitationService
{
    /// <summary>Creates an invited member (role "Member" or "Admin") and sends the invitation (7 days). Problems: invalid-input, member-exists.</summary>
    public Task<AppResult<InvitationSent>> InviteAsync(Actor admin, string? email, string? name, string? role, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Sends a new invitation to an invited member (the old link stops working). Problems: unknown-member, not-invited.</summary>
    public Task<AppResult<InvitationSent>> ResendAsync(Actor admin, string memberId, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
