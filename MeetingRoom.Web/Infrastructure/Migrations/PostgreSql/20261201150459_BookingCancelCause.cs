using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class BookingCancelCause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelCause",
                table: "Bookings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelCause",
                table: "Bookings");
        }
    }
}
