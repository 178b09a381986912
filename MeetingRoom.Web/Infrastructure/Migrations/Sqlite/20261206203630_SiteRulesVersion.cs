using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteRulesVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RulesVersion",
                table: "Rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RulesVersion",
                table: "Rooms");
        }
    }
}
