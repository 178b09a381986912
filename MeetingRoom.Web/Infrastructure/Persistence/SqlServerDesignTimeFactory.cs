using System.Data.Common;
using MeetingRoom.Web.Features.Bookings;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingRoom.Web.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context without the web host (no server is contacted).</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=MeetingRoom;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
