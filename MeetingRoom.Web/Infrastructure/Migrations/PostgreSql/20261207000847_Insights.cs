using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.PostgreSql
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
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OpeningDemand",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RoomId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoomId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
