using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Features.Notifications;

/// <summary>
/// A member's notifications changed outside the notification projection: read marks, an "ending soon" reminder.
/// Written to the outbox with the change, so every instance's bell for the member updates
/// (<see cref="LiveInboxPusher"/>), not only the instance that wrote it.
/// </summary>
public sealed record InboxChanged(string MemberId, DateTimeOffset OccurredAt) : IDomainEvent;
