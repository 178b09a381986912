using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Schedule.Door;

/// <summary>A door display just created: its id and its URL (<c>/door/{token}</c>), given out this once.</summary>
public sealed record DoorDisplayCreated(int Id, string Url);
