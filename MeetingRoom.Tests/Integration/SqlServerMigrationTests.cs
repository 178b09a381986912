using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace MeetingRoom.Tests.Integration;

/// <summary>No SQL Server engine runs here: the SQL Server migrations are checked as the T-SQL they generate.</summary>
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
    public void Both_providers_have_no_model_changes_missing_a_migration()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(sqlServer.Database.HasPendingModelChanges());
    }
}
