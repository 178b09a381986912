using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InsightsRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightsSlots",
                columns: table => new
                {
                    Day = table.Column<int>(type: "integer", nullable: false),
                    RoomId = table.Column<int>(type: "integer", nullable: false),
                    PeriodSecond = table.Column<int>(type: "integer", nullable: false),
                    Weekday = table.Column<int>(type: "integer", nullable: false),
                    Bookings = table.Column<int>(type: "integer", nullable: false),
                    BookedSeconds = table.Column<double>(type: "double precision", nullable: false),
                    Reached = table.Column<int>(type: "integer", nullable: false),
                    CheckedIn = table.Column<int>(type: "integer", nullable: false),
                    NoShows = table.Column<int>(type: "integer", nullable: false),
                    ReleasedSeconds = table.Column<double>(type: "double precision", nullable: false),
                    RebookedSeconds = table.Column<double>(type: "double precision", nullable: false),
                    TakenAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsSlots", x => new { x.Day, x.RoomId, x.PeriodSecond });
                });

            // The roll-up's outbox handler starts at the newest message: the history is rolled up by the start-up backfill
            // (InsightsRollupBackfill), not replayed through the handler.
            migrationBuilder.Sql("""
                INSERT INTO "OutboxCursors" ("Handler", "LastMessageId", "FailedAttempts") SELECT 'insights', COALESCE(MAX("Id"), 0), 0 FROM "Outbox" WHERE NOT EXISTS (SELECT 1 FROM "OutboxCursors" WHERE "Handler" = 'insights');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "OutboxCursors" WHERE "Handler" = 'insights';""");
            migrationBuilder.DropTable(
                name: "InsightsSlots");
        }
    }
}
