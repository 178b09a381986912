using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>What inviting someone did: the member's id, and the link to pass on by hand when no SMTP server is configured (else null).</summary>
public sealed record InvitationSent(string MemberId, string Email, string? Link);

/// <summary>One person to invite: email, display name, role ("Member" or "Admin").</summary>
public sealed record InvitationRequest(string? Email, string? Name, string? Role);

/// <summary>Invitations by email (P1). STUB: filled in by the invitations part.</summary>
public sealed class InvitationService
{
    /// <summary>Creates an invited member and sends the invitation (valid 7 days). Problems: invalid-input, member-exists.</summary>
    public Task<AppResult<InvitationSent>> InviteAsync(Actor admin, InvitationRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Invites all of <paramref name="requests"/> in one transaction: all are created and their invitations queued, or
    /// none (the first problem is returned). Used by the CSV import, which validates every line first.
    /// </summary>
    public Task<AppResult<IReadOnlyList<InvitationSent>>> InviteManyAsync(Actor admin, IReadOnlyList<InvitationRequest> requests, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Sends a new invitation to an invited member (the old link stops working). Problems: unknown-member, wrong-status.</summary>
    public Task<AppResult<InvitationSent>> ResendAsync(Actor admin, string memberId, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
