using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// <c>GET/PUT /api/admin/booking-limits</c> body (F1): at most <c>maxPerPeriod</c> active bookings per member
/// in one period of one date, <c>maxPerDay</c> per date, <c>maxUpcoming</c> in total ahead; 0 = no limit.
/// <c>adminsExempt</c>: admins are not held to them (omitted = unchanged).
/// </summary>
public sealed record BookingLimitsDto(int? MaxPerPeriod, int? MaxPerDay, int? MaxUpcoming, bool? AdminsExempt = null)
{
    public static BookingLimitsDto From(BookingLimits l) => new(l.MaxPerPeriod, l.MaxPerDay, l.MaxUpcoming, l.AdminsExempt);
}
