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

/// <summary>The SQLite model (the embedded default). Instants are stored as sortable integers.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override string ActiveBookingFilter(string stateColumn) => $"\"{stateColumn}\" IN ({ActiveStatesList()})";
    protected override string Quote(string column) => $"\"{column}\"";
    protected override string Literal(string value) => $"'{value}'";
    protected override string NotDeletedFilter(string deletedAtColumn) => $"\"{deletedAtColumn}\" IS NULL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite has no instant type, and EF cannot compare DateTimeOffset text in SQL. Instants are
        // stored as UTC ticks (INTEGER), which sort and compare correctly whatever offset a value had.
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        instant => instant.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
