using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OpeningDemand",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RoomId = table.Column<int>(type: "int", nullable: false),
                    PeriodStart = table.Column<TimeOnly>(type: "time", nullable: false),
                    Attempts = table.Column<long>(type: "bigint", nullable: false),
                    Refused = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningDemand", x => new { x.Date, x.RoomId, x.PeriodStart });
                });

            migrationBuilder.CreateTable(
                name: "RoomServiceIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoomId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
