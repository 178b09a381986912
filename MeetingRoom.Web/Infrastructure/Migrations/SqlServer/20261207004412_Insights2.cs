using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Insights2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Insights",
                table: "Bookings",
                columns: new[] { "Date", "RoomId", "PeriodStart", "PeriodEnd", "State", "StartsAt", "EndsAt", "BookedAt", "EndedAt", "StartedAt", "Attendees" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_Insights",
                table: "Bookings");
        }
    }
}
