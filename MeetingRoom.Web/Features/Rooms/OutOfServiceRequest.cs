using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Rooms;

/// <summary><c>POST /api/rooms/{id}/out-of-service</c> body: why the room cannot be used (required).</summary>
public sealed record OutOfServiceRequest(string? Reason);
