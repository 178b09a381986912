using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Features.Schedule;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>The SQL Server model (production option).</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options)
{
    protected override string ActiveBookingFilter(string stateColumn) => $"[{stateColumn}] IN ({ActiveStatesList("N")})";
    protected override string Quote(string column) => $"[{column}]";
    protected override string Literal(string value) => $"N'{value}'";
    protected override string NotDeletedFilter(string deletedAtColumn) => $"[{deletedAtColumn}] IS NULL";
}
