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

/// <summary>
/// The PostgreSQL model (a server for several instances). Instants are <c>timestamp with time zone</c>, which
/// Npgsql only writes from UTC values: every <see cref="DateTimeOffset"/> is converted to UTC on its way to the
/// database (and read back with offset zero), so a value with a site offset (+09:00) is stored as the same instant.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options)
{
    protected override string ActiveBookingFilter(string stateColumn) => $"\"{stateColumn}\" IN ({ActiveStatesList()})";
    protected override string Quote(string column) => $"\"{column}\"";
    protected override string Literal(string value) => $"'{value}'";
    protected override string NotDeletedFilter(string deletedAtColumn) => $"\"{deletedAtColumn}\" IS NULL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        instant => instant.ToUniversalTime(), stored => stored.ToUniversalTime());
}
