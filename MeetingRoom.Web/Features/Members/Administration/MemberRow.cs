using MeetingRoom.Domain.Members;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// A member as the admin list shows them. <see cref="LastSignInAt"/> is an instant in the site's UTC offset (null: never);
/// <see cref="UpcomingBookings"/> counts their active bookings (pending, confirmed, in meeting) whose period has not ended.
/// </summary>
public sealed record MemberRow(string Id, string Email, string Name, MemberRole Role, MemberStatus Status,
    SignInMethod SignInMethod, DateTimeOffset? LastSignInAt, int UpcomingBookings);
