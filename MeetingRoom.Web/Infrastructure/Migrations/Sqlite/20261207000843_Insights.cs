using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attendees",
                table: "Bookings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OpeningDemand",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Attempts = table.Column<long>(type: "INTEGER", nullable: false),
                    Refused = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningDemand", x => new { x.Date, x.RoomId, x.PeriodStart });
                });

            migrationBuilder.CreateTable(
                name: "RoomServiceIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomServiceIntervals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoomServiceIntervals_RoomId_From",
                table: "RoomServiceIntervals",
                columns: new[] { "RoomId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpeningDemand");

            migrationBuilder.DropTable(
                name: "RoomServiceIntervals");

            migrationBuilder.DropColumn(
                name: "Attendees",
                table: "Bookings");
        }
    }
}
