using System.Data.Common;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without the web host (no server is contacted).</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=localhost;Database=meetingroom").Options);
}
