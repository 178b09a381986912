using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Languages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DefaultLanguage",
                table: "SiteSettings",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "MemberPreferences",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DefaultLanguage",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "MemberPreferences");
        }
    }
}
