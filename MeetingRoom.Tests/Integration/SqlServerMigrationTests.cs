using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// No SQL Server engine runs here: the SQL Server migrations are checked as the T-SQL they generate (and the
/// SQLite and PostgreSQL scripts for the same indexes). They use no configured database, so the PostgreSQL
/// run of the integration tests leaves them out (trait <c>Database=None</c>).
/// </summary>
[Trait("Database", "None")]
public sealed class SqlServerMigrationTests
{
    private static string Script()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript();
    }

    [Fact]
    public void Sql_server_script_has_the_one_active_booking_per_slot_filtered_unique_index()
    {
        Assert.Contains(
            "CREATE UNIQUE INDEX [UX_Bookings_OneActivePerSlot] ON [Bookings] ([RoomId], [Date], [PeriodStart]) WHERE [State] IN (N'PendingApproval', N'Confirmed', N'InMeeting');",
            Script());
    }

    [Fact]
    public void Sql_server_script_has_the_member_limit_place_indexes_over_active_bookings()
    {
        var script = Script();

        Assert.Contains(
            "CREATE UNIQUE INDEX [UX_Bookings_MemberPeriodClaim] ON [Bookings] ([BookedBy], [Date], [PeriodStart], [PeriodClaim]) WHERE [State] IN (N'PendingApproval', N'Confirmed', N'InMeeting') AND [PeriodClaim] IS NOT NULL;",
            script);
        Assert.Contains(
            "CREATE UNIQUE INDEX [UX_Bookings_MemberDayClaim] ON [Bookings] ([BookedBy], [Date], [DayClaim]) WHERE [State] IN (N'PendingApproval', N'Confirmed', N'InMeeting') AND [DayClaim] IS NOT NULL;",
            script);
        Assert.Contains(
            "CREATE UNIQUE INDEX [UX_Bookings_MemberUpcomingClaim] ON [Bookings] ([BookedBy], [UpcomingClaim]) WHERE [State] IN (N'PendingApproval', N'Confirmed', N'InMeeting') AND [UpcomingClaim] IS NOT NULL;",
            script);
    }

    [Fact]
    public void Sql_server_script_has_one_waiting_place_per_member_and_slot()
    {
        Assert.Contains(
            "CREATE UNIQUE INDEX [UX_Waitlist_OnePlacePerMemberAndSlot] ON [WaitlistEntries] ([Member], [RoomId], [Date], [PeriodStart]) WHERE [State] = N'Waiting';",
            Script());
    }

    [Fact]
    public void Sql_server_script_keeps_instants_as_datetimeoffset()
    {
        Assert.Contains("[StartsAt] datetimeoffset NOT NULL", Script());
    }

    [Fact]
    public void Sqlite_migrations_have_the_same_filtered_unique_index()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains(
            "CREATE UNIQUE INDEX \"UX_Bookings_OneActivePerSlot\" ON \"Bookings\" (\"RoomId\", \"Date\", \"PeriodStart\") WHERE \"State\" IN ('PendingApproval', 'Confirmed', 'InMeeting');",
            script);
    }

    [Fact]
    public void PostgreSql_migrations_have_the_same_filtered_unique_indexes_and_instants_as_timestamptz()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains(
            "CREATE UNIQUE INDEX \"UX_Bookings_OneActivePerSlot\" ON \"Bookings\" (\"RoomId\", \"Date\", \"PeriodStart\") WHERE \"State\" IN ('PendingApproval', 'Confirmed', 'InMeeting');",
            script);
        Assert.Contains(
            "CREATE UNIQUE INDEX \"UX_Bookings_MemberUpcomingClaim\" ON \"Bookings\" (\"BookedBy\", \"UpcomingClaim\") WHERE \"State\" IN ('PendingApproval', 'Confirmed', 'InMeeting') AND \"UpcomingClaim\" IS NOT NULL;",
            script);
        Assert.Contains(
            "CREATE UNIQUE INDEX \"UX_Waitlist_OnePlacePerMemberAndSlot\" ON \"WaitlistEntries\" (\"Member\", \"RoomId\", \"Date\", \"PeriodStart\") WHERE \"State\" = 'Waiting';",
            script);
        Assert.Contains("\"StartsAt\" timestamp with time zone NOT NULL", script);
    }

    [Fact]
    public void Every_provider_has_no_model_changes_missing_a_migration()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgreSql.Database.HasPendingModelChanges());
        Assert.False(sqlServer.Database.HasPendingModelChanges());
    }
}
