using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Series : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeriesNoShowStrikes",
                table: "SiteSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<Guid>(
                name: "SeriesId",
                table: "ScheduleSlots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "ScheduleSlots",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SeriesId",
                table: "Bookings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Bookings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Series",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BookedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BookedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Series", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Series_Rooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "Rooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_SeriesId_Date",
                table: "Bookings",
                columns: new[] { "SeriesId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Series_BookedBy",
                table: "Series",
                column: "BookedBy");

            migrationBuilder.CreateIndex(
                name: "IX_Series_RoomId",
                table: "Series",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_Series_State_RoomId",
                table: "Series",
                columns: new[] { "State", "RoomId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Bookings_Series_SeriesId",
                table: "Bookings",
                column: "SeriesId",
                principalTable: "Series",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Bookings_Series_SeriesId",
                table: "Bookings");

            migrationBuilder.DropTable(
                name: "Series");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_SeriesId_Date",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "SeriesNoShowStrikes",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "ScheduleSlots");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "ScheduleSlots");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Bookings");
        }
    }
}
