using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingRoom.Web.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LanguagesAndNotificationTexts : Migration
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
                name: "Facts",
                table: "Notifications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

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
                name: "Facts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "MemberPreferences");
        }
    }
}
