using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Meetings;

/// <summary>What a check-in code leads to: the active booking of its slot (to start), or none (the room is free).</summary>
public sealed record CheckInTarget(CheckInSlot Slot, string RoomName, Guid? BookingId);
