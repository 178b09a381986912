using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>A door display as listed (its URL cannot be shown again: only the token's hash is stored).</summary>
public sealed record DoorDisplayDto(int Id, int RoomId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
