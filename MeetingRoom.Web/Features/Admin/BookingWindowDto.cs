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
/// <c>GET/PUT /api/admin/booking-window</c> body. <c>mode</c>: AtPeriodStart | LeadTime | DailyAt.
/// <c>noShowMinutes</c>: auto-release after this many minutes without check-in (0 = off; omitted = unchanged).
/// <c>seriesNoShowStrikes</c>: a series ends after this many of its occurrences in a row were released as no-shows (issue 22;
/// 0 = never, at most 50, default 3; omitted = unchanged).
/// </summary>
public sealed record BookingWindowDto(string? Mode, int? LeadMinutes, string? DailyAt, int? DaysBefore, int? NoShowMinutes = null,
    int? SeriesNoShowStrikes = null);
