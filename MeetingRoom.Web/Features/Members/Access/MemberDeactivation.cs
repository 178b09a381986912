using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Web.Features.Members.Access;

/// <summary>What deactivating a member did.</summary>
public sealed record DeactivationDone(string MemberId, int BookingsCancelled, int WaitlistPlacesRemoved);

/// <summary>Deactivating and reactivating members (P1). STUB: filled in by the access part.</summary>
public sealed class MemberDeactivation
{
    /// <summary>Problems: unknown-member, cannot-deactivate-self, last-admin.</summary>
    public Task<AppResult<DeactivationDone>> DeactivateAsync(Actor admin, string memberId, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Problems: unknown-member, wrong-state.</summary>
    public Task<AppResult<string>> ReactivateAsync(Actor admin, string memberId, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
