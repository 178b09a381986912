using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScheduleReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProcessedAt_Id",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ProcessedAt",
                table: "Outbox");

            migrationBuilder.CreateTable(
                name: "OutboxCursors",
                columns: table => new
                {
                    Handler = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LastMessageId = table.Column<long>(type: "bigint", nullable: false),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxCursors", x => x.Handler);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleSlots",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RoomId = table.Column<int>(type: "int", nullable: false),
                    PeriodStart = table.Column<TimeOnly>(type: "time", nullable: false),
                    ActiveBookingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ActiveState = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    BookedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Since = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndedEarly = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleSlots", x => new { x.Date, x.RoomId, x.PeriodStart });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxCursors");

            migrationBuilder.DropTable(
                name: "ScheduleSlots");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Outbox",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Outbox",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProcessedAt",
                table: "Outbox",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProcessedAt_Id",
                table: "Outbox",
                columns: new[] { "ProcessedAt", "Id" });
        }
    }
}
